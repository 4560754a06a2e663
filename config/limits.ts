import type { Core } from '@strapi/strapi';

/**
 * Bounds on what one content-API request (REST or GraphQL) may ask for. Every limit is an
 * environment variable so an operator can loosen or tighten it without a code change; the
 * defaults keep one anonymous request well under a second on a 1,000-article archive.
 * Strapi code reads them as `strapi.config.get('limits')`; config/plugins.ts calls this function
 * itself, since plugin config is read before the app's config is assembled.
 */
export type Limits = ReturnType<typeof limitsConfig>;

const limitsConfig = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Wall-clock budget of a content-API request; past it the client gets a 503. */
  requestBudgetMs: env.int('REQUEST_TIME_BUDGET_MS', 5000),
  /** Longest query string accepted on content-API routes (414 beyond). */
  maxQueryStringLength: env.int('QUERY_STRING_MAX_LENGTH', 4096),
  /** Nesting of filters ($and/$or/$not, relations, components) in REST and GraphQL input. */
  maxFilterDepth: env.int('FILTER_MAX_DEPTH', 8),
  /** Values in one $in/$notIn list and conditions in one $and/$or list. */
  maxFilterListLength: env.int('FILTER_MAX_LIST_LENGTH', 100),
  /** Levels of populate below the requested type (`populate[a][populate][b]` is 2). */
  maxPopulateDepth: env.int('POPULATE_MAX_DEPTH', 2),
  /** Entries returned per to-many relation of each entry; the rest is paged through its own route. */
  maxRelatedEntries: env.int('RELATED_MAX_ENTRIES', 25),
  /**
   * Requests per client IP and window (429 with Retry-After past them); `RATE_LIMIT_ENABLED=false`
   * turns them off, e.g. for test suites that send thousands of requests from one address.
   * Behind a proxy, set `server.proxy` so the client's address is read from X-Forwarded-For.
   */
  rateLimit: {
    enabled: env.bool('RATE_LIMIT_ENABLED', true),
    windowMs: env.int('RATE_LIMIT_WINDOW_MS', 60000),
    /** REST reads under /api and /graphql. */
    contentApi: env.int('RATE_LIMIT_CONTENT_API', 600),
    /** GET /api/search, counted on top of the content API. */
    search: env.int('RATE_LIMIT_SEARCH', 120),
    /** POST /admin/login (Strapi also limits it per e-mail address). */
    adminLogin: env.int('RATE_LIMIT_ADMIN_LOGIN', 10),
  },
  /** Cache-Control of anonymous content-API reads, for a CDN or browser in front; 0 turns caching off. */
  publicCacheMaxAgeSeconds: env.int('PUBLIC_CACHE_MAX_AGE', 60),
  graphql: {
    /** Estimated fields × list sizes of one operation. */
    maxCost: env.int('GRAPHQL_MAX_COST', 50000),
    maxAliases: env.int('GRAPHQL_MAX_ALIASES', 10),
    maxRootFields: env.int('GRAPHQL_MAX_ROOT_FIELDS', 10),
    maxTokens: env.int('GRAPHQL_MAX_TOKENS', 2000),
    maxDirectives: env.int('GRAPHQL_MAX_DIRECTIVES', 20),
    maxDepth: env.int('GRAPHQL_MAX_DEPTH', 7),
    /** Bytes of a POST body to /graphql (the query and its variables). */
    maxBodyBytes: env.int('GRAPHQL_MAX_BODY_BYTES', 65536),
  },
});

export default limitsConfig;
