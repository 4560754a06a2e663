import { env } from '@strapi/utils';
import pluginsConfig from '../../../config/plugins';

function graphqlConfigWith(nodeEnv: string | undefined) {
  const previous = process.env.NODE_ENV;
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  try {
    return pluginsConfig({ env }).graphql.config;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

describe('GraphQL plugin config', () => {
  it('bounds every query explicitly', () => {
    const config = graphqlConfigWith('development');
    expect(config).toMatchObject({ defaultLimit: 25, maxLimit: 100, depthLimit: 7 });
  });

  it('serves no landing page and no introspection in production', () => {
    const config = graphqlConfigWith('production');
    expect(config.landingPage).toBe(false);
    expect(config.apolloServer.introspection).toBe(false);
  });

  it('keeps the landing page for development', () => {
    expect(graphqlConfigWith(undefined).landingPage).toBe(true);
  });
});
