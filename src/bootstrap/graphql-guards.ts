import type { Core } from '@strapi/strapi';
import { canReadDrafts } from '../policies/draft-readers';

type ResolverNext = (parent: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => Promise<unknown>;

/** Every shadow-CRUD query that lists or reads a newsroom type. */
const READ_QUERIES = [
  'articles', 'articles_connection', 'article',
  'officials', 'officials_connection', 'official',
  'projects', 'projects_connection', 'project',
  'researchPlatforms', 'researchPlatforms_connection', 'researchPlatform',
];

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
  const forcePublished = async (next: ResolverNext, parent: unknown, args: Record<string, unknown>, context: any, info: any) => {
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
        READ_QUERIES.map((query) => [`Query.${query}`, { middlewares: [forcePublished] }]),
      ),
    }));
}
