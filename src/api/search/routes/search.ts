import { searchRoute } from '../../../contract/route-schemas';

/** GET /api/search: published content only, so anyone may ask; src/search/ does the work. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/search',
      handler: 'search.find',
      ...searchRoute,
      config: { auth: false },
    },
  ],
};
