import { env } from '@strapi/utils';
import pluginsConfig from '../../../config/plugins';
import { withEnv } from '../../helpers/env';

const graphqlConfigWith = (nodeEnv: string | undefined) => withEnv({ NODE_ENV: nodeEnv }, () => pluginsConfig({ env }).graphql.config);

describe('GraphQL plugin config', () => {
  it('bounds every query explicitly', () => {
    const config = graphqlConfigWith('development');
    expect(config).toMatchObject({ defaultLimit: 25, maxLimit: 100, depthLimit: 7 });
    expect(config.apolloServer.parseOptions).toEqual({ maxTokens: 2000 });
    expect(config.apolloServer.validationRules.length).toBeGreaterThan(0);
    expect(config.apolloServer.plugins.length).toBeGreaterThan(0);
    // CORS is strapi::cors's job; the plugin's own would reflect any Origin.
    expect(config.apolloServer.cors).toBe(false);
  });

  it('takes its limits from the environment', () => {
    const config = withEnv({ GRAPHQL_MAX_TOKENS: '300', GRAPHQL_MAX_DEPTH: '4' }, () => pluginsConfig({ env }).graphql.config);
    expect(config.apolloServer.parseOptions).toEqual({ maxTokens: 300 });
    expect(config.depthLimit).toBe(4);
  });

  it('serves no landing page, no introspection, no stack traces and no suggestions in production', () => {
    const config = graphqlConfigWith('production');
    expect(typeof config.landingPage).toBe('function');
    const landingPage = (config.landingPage as () => { __internal_plugin_id__?: string })();
    expect(landingPage.__internal_plugin_id__).toBe('LandingPageDisabled');
    expect(config.apolloServer).toMatchObject({
      introspection: false,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
    });
  });

  it('keeps the landing page, introspection and stack traces for development', () => {
    const config = graphqlConfigWith(undefined);
    expect(config.landingPage).toBe(true);
    expect(config.apolloServer).toMatchObject({
      introspection: true,
      includeStacktraceInErrorResponses: true,
      hideSchemaDetailsFromClientErrors: false,
    });
  });
});
