/** GET /api/official-rankings: published officials by their number of published articles. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/official-rankings',
      handler: 'official-ranking.find',
      config: { auth: false },
    },
  ],
};
