/** GET /api/search: published content only, so anyone may ask; src/search/ does the work. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/search',
      handler: 'search.find',
      config: { auth: false },
    },
  ],
};
