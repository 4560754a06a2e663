import { rankingRoute } from '../../../contract/route-schemas';

/** GET /api/official-rankings: published officials by their number of published articles. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/official-rankings',
      handler: 'official-ranking.find',
      ...rankingRoute,
      config: { auth: false },
    },
  ],
};
