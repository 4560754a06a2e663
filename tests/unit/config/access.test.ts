import { env } from '@strapi/utils';
import accessConfig from '../../../config/access';
import limitsConfig from '../../../config/limits';
import { withEnv } from '../../helpers/env';

const access = (values: Record<string, string | undefined>) =>
  withEnv({ PUBLIC_URL: undefined, PORT: undefined, CORS_ORIGINS: undefined, PUBLIC_SIGNUP: undefined, ...values }, () => accessConfig({ env }));

describe('access config', () => {
  it('allows only the app itself as a CORS origin by default', () => {
    expect(access({}).corsOrigins).toEqual(['http://localhost:1337']);
    expect(access({ PORT: '8080' }).corsOrigins).toEqual(['http://localhost:8080']);
  });

  it('adds the origins listed in CORS_ORIGINS and the public URL, never a wildcard by default', () => {
    const { corsOrigins } = access({
      PUBLIC_URL: 'https://cms.example.org/',
      CORS_ORIGINS: 'https://www.example.org, https://app.example.org',
    });
    expect(corsOrigins).toEqual(['https://cms.example.org', 'https://www.example.org', 'https://app.example.org']);
  });

  it('keeps public sign-up off unless PUBLIC_SIGNUP=true', () => {
    expect(access({}).publicSignup).toBe(false);
    expect(access({ PUBLIC_SIGNUP: 'true' }).publicSignup).toBe(true);
  });
});

describe('limits config', () => {
  it('has safe defaults and reads each limit from the environment', () => {
    const defaults = withEnv({ REQUEST_TIME_BUDGET_MS: undefined, RELATED_MAX_ENTRIES: undefined }, () => limitsConfig({ env }));
    expect(defaults).toMatchObject({ requestBudgetMs: 5000, maxPopulateDepth: 2, maxRelatedEntries: 25, maxFilterDepth: 8 });
    const tuned = withEnv({ REQUEST_TIME_BUDGET_MS: '1500', RELATED_MAX_ENTRIES: '5' }, () => limitsConfig({ env }));
    expect(tuned).toMatchObject({ requestBudgetMs: 1500, maxRelatedEntries: 5 });
  });
});
