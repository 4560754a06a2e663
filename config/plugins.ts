import type { Core } from '@strapi/strapi';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { graphqlLimits } from '../src/graphql/limits';
import { captureServedSchema } from '../src/contract/served-schema';
import limitsConfig from './limits';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV', 'development') === 'production';
  const limits = limitsConfig({ env });
  const { plugins, validationRules, parseOptions } = graphqlLimits({ limits, defaultLimit: DEFAULT_LIMIT, maxLimit: MAX_LIMIT });

  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        // `false` would give Apollo's *production* landing page, which is still an HTML page
        // served at /graphql; production gets no landing page at all.
        landingPage: production ? () => ApolloServerPluginLandingPageDisabled() : true,
        defaultLimit: DEFAULT_LIMIT,
        maxLimit: MAX_LIMIT,
        // Deep enough for article → officials → articles → officials; width is bounded by cost.
        depthLimit: limits.graphql.maxDepth,
        apolloServer: {
          introspection: !production,
          includeStacktraceInErrorResponses: !production,
          // No "Did you mean …?" hints that reveal the schema to a client without introspection.
          hideSchemaDetailsFromClientErrors: production,
          // CORS is strapi::cors's job (config/middlewares.ts); the plugin's own would reflect any Origin.
          cors: false,
          plugins: [...plugins, captureServedSchema],
          validationRules,
          parseOptions,
        },
      },
    },
  };
};
