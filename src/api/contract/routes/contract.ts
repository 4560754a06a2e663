/** GET /api/openapi.json: the REST contract, for client generators and reviewers. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'contract.openapi',
      config: { auth: false },
    },
  ],
};
