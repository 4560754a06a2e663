import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The Apollo landing page is a development convenience, never served in production.
      landingPage: env('NODE_ENV', 'development') !== 'production',
      defaultLimit: 25,
      maxLimit: 100,
      // Deep enough for article → officials → articles → officials; cuts off query bombs.
      depthLimit: 7,
      apolloServer: {
        introspection: env('NODE_ENV', 'development') !== 'production',
      },
    },
  },
});
