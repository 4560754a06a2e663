import type { Core } from '@strapi/strapi';
import { canReadDrafts } from '../access/draft-readers';
import { checkGraphqlFilters } from './filter-checks';

type ResolverNext = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => Promise<unknown>;

/** Every shadow-CRUD query that lists or reads a newsroom type, with the type it reads. */
const READ_QUERIES: Record<string, string> = {
  articles: 'api::article.article', articles_connection: 'api::article.article', article: 'api::article.article',
  officials: 'api::official.official', officials_connection: 'api::official.official', official: 'api::official.official',
  projects: 'api::project.project', projects_connection: 'api::project.project', project: 'api::project.project',
  researchPlatforms: 'api::research-platform.research-platform',
  researchPlatforms_connection: 'api::research-platform.research-platform',
  researchPlatform: 'api::research-platform.research-platform',
};

/** Arguments that reveal drafts, or which published entries have unpublished edits. */
const DRAFT_ARGS = ['status', 'publicationFilter', 'hasPublishedVersion'];

function publishedOnly(args: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(args).filter(([name]) => !DRAFT_ARGS.includes(name)));
  return { ...kept, status: 'published' };
}

/**
 * GraphQL twin of the `global::published-only` REST middleware: the generated queries accept
 * `status`, `publicationFilter` and `hasPublishedVersion`, and only API-token clients may use them.
 */
export function registerGraphqlGuards(strapi: Core.Strapi): void {
  const forcePublished = (uid: string) => async (next: ResolverNext, parent: unknown, args: Record<string, unknown>, context: any, info: any) => {
    checkGraphqlFilters(strapi, uid, args.filters);
    if (canReadDrafts(context?.state?.auth)) return next(parent, args, context, info);

    // Nested relation resolvers inherit the root query's raw arguments from this map, so it
    // must say `published` too (and lose the publication filters), or `articles(status: DRAFT) { officials { … } }` would reach drafts.
    const rootArgs = context?.rootQueryArgsByPath?.get(info.path.key);
    if (rootArgs) context.rootQueryArgsByPath.set(info.path.key, publishedOnly(rootArgs));

    return next(parent, publishedOnly(args), context, info);
  };

  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      resolversConfig: Object.fromEntries(
        Object.entries(READ_QUERIES).map(([query, uid]) => [`Query.${query}`, { middlewares: [forcePublished(uid)] }]),
      ),
    }));
}
