import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OFFICIAL_SPEC, PROJECT_SPEC, RESEARCH_PLATFORM_SPEC, type TypeSpec } from '../importer';
import { aliasesOf, mergeEntity, removeAlias } from '../importer';
import { DESK_ACTION } from './permission';
import { deskImportQueue, enqueueIntoRun, findRun, importIntoRun, listRuns, previewPage, startRun } from './import-runs';
import {
  ArticleDeleteSchema,
  CandidateQuerySchema,
  DocumentParamsSchema,
  EntityParamsSchema,
  EntityTypeParamsSchema,
  LinkSchema,
  UnlinkParamsSchema,
  MergeSchema,
  PageUploadSchema,
  ReviewQueueQuerySchema,
  ArticleDoubtsQuerySchema,
  ReviewSchema,
  RunIdParamsSchema,
  RunStartSchema,
  parse,
  type ENTITY_TYPES,
} from './inputs';
import { DESK_RETRY_AFTER_SECONDS, registerPageReader, type PageReader } from './page-reader';
import { QueueUnavailableError } from '../import-queue';
import { mergeCandidates, needingAttention } from './attention';
import { deleteArticle, orphans, ownEntries } from './orphans';
import { link, unlink } from './links';
import { articleDoubts, reviewQueue } from './review-queue';
import { deletedArticles, restoreDeleted } from './tombstones';
import { articlePrintedSource, markReviewed, reviewPlan } from './review';

type Context = Parameters<Core.MiddlewareHandler>[0];

const SPEC_OF: Record<(typeof ENTITY_TYPES)[number], TypeSpec> = {
  officials: OFFICIAL_SPEC,
  projects: PROJECT_SPEC,
  'research-platforms': RESEARCH_PLATFORM_SPEC,
};

/** How runs name who started them: the admin's name and email. */
function adminName(ctx: Context): string | null {
  const user = ctx.state.user as { firstname?: string; lastname?: string; email?: string } | undefined;
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  return name ? `${name} <${user.email}>` : (user.email ?? null);
}

export const DESK_PREFIX = '/newsroom-desk';

/**
 * The editors' desk: admin routes (an admin session and the desk permission), every input
 * validated; the work itself is the importer's (preview, import, merge, with pages read on the
 * reader thread) and the Document Service's (review, publish).
 */
export function deskRoutes(strapi: Core.Strapi, reader: PageReader) {
  const route = (method: string, path: string, handler: (ctx: Context) => Promise<unknown>) => ({
    method,
    path,
    handler: async (ctx: Context) => {
      try {
        ctx.body = await handler(ctx);
      } catch (error) {
        // Strapi's errors have no 503: the queue's Redis being down is the service's, not the request's.
        if (error instanceof QueueUnavailableError) {
          ctx.set('Retry-After', String(DESK_RETRY_AFTER_SECONDS));
          ctx.status = 503;
          ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: error.message, details: {} } };
          return;
        }
        const retryAfter = error instanceof errors.RateLimitError ? (error.details as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
        if (retryAfter !== undefined) ctx.set('Retry-After', String(retryAfter));
        throw error;
      }
    },
    config: {
      policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [DESK_ACTION] } }],
    },
  });
  const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body;
  // With Redis, imports are the workers' (src/import-queue/) and any instance shows their progress.
  const importQueue = deskImportQueue(strapi);

  return [
    route('POST', '/preview', async (ctx) => ({ data: await previewPage(strapi, reader, parse(PageUploadSchema, body(ctx), 'body')) })),
    route('GET', '/runs', async () => ({ data: await listRuns(strapi) })),
    route('POST', '/runs', async (ctx) => ({ data: await startRun(strapi, adminName(ctx), parse(RunStartSchema, body(ctx), 'body').publish) })),
    route('GET', '/runs/:id', async (ctx) => ({ data: await findRun(strapi, parse(RunIdParamsSchema, ctx.params, 'params').id) })),
    route('POST', '/runs/:id/files', async (ctx) => {
      const { id } = parse(RunIdParamsSchema, ctx.params, 'params');
      const upload = parse(PageUploadSchema, body(ctx), 'body');
      return {
        data: importQueue ? await enqueueIntoRun(strapi, importQueue, id, upload) : await importIntoRun(strapi, reader, id, upload),
      };
    }),
    route('GET', '/articles/:documentId/printed-source', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      return { data: await articlePrintedSource(strapi, documentId) };
    }),
    route('POST', '/articles/review', async (ctx) => {
      const { documentIds, publish } = parse(ReviewSchema, body(ctx), 'body');
      return { data: await markReviewed(strapi, documentIds, publish) };
    }),
    route('POST', '/articles/review/plan', async (ctx) => {
      const { documentIds } = parse(ReviewSchema, body(ctx), 'body');
      return { data: await reviewPlan(strapi, documentIds) };
    }),
    route('GET', '/articles/:documentId/own-entries', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      return { data: await ownEntries(strapi, documentId) };
    }),
    route('POST', '/articles/:documentId/delete', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      return { data: await deleteArticle(strapi, documentId, parse(ArticleDeleteSchema, body(ctx), 'body').alsoDelete) };
    }),
    route('GET', '/entities/:type/orphans', async (ctx) => {
      const { type } = parse(EntityTypeParamsSchema, ctx.params, 'params');
      return { data: await orphans(strapi, type) };
    }),
    route('POST', '/articles/:documentId/links', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      const { type, name } = parse(LinkSchema, body(ctx), 'body');
      return { data: await link(strapi, documentId, type, name) };
    }),
    route('DELETE', '/articles/:documentId/links/:type/:entity', async (ctx) => {
      const { documentId, type, entity } = parse(UnlinkParamsSchema, ctx.params, 'params');
      return { data: await unlink(strapi, documentId, type, entity) };
    }),
    route('GET', '/articles/to-review', async (ctx) => {
      const { filter } = parse(ReviewQueueQuerySchema, ctx.query, 'query');
      return { data: await reviewQueue(strapi, filter) };
    }),
    route('GET', '/articles/doubts', async (ctx) => {
      const { documentIds } = parse(ArticleDoubtsQuerySchema, ctx.query, 'query');
      return { data: await articleDoubts(strapi, documentIds) };
    }),
    route('GET', '/tombstones', async () => ({ data: await deletedArticles(strapi) })),
    route('POST', '/tombstones/:documentId/restore', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      return { data: await restoreDeleted(strapi, documentId) };
    }),
    route('GET', '/entities/:type/attention', async (ctx) => {
      const { type } = parse(EntityTypeParamsSchema, ctx.params, 'params');
      return { data: await needingAttention(strapi, type) };
    }),
    route('GET', '/entities/:type/:documentId/candidates', async (ctx) => {
      const { type, documentId } = parse(EntityParamsSchema, ctx.params, 'params');
      const { q } = parse(CandidateQuerySchema, ctx.query, 'query');
      return { data: await mergeCandidates(strapi, type, documentId, q) };
    }),
    route('GET', '/entities/:type/:documentId/aliases', async (ctx) => {
      const { type, documentId } = parse(EntityParamsSchema, ctx.params, 'params');
      return { data: await aliasesOf(strapi, SPEC_OF[type], documentId) };
    }),
    route('POST', '/entities/:type/:documentId/merge', async (ctx) => {
      const { type, documentId } = parse(EntityParamsSchema, ctx.params, 'params');
      const { into } = parse(MergeSchema, body(ctx), 'body');
      return { data: await mergeEntity(strapi, SPEC_OF[type], documentId, into) };
    }),
    route('DELETE', '/aliases/:documentId', async (ctx) => {
      const { documentId } = parse(DocumentParamsSchema, ctx.params, 'params');
      return { data: await removeAlias(strapi, documentId) };
    }),
  ];
}

export function registerDeskRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({ type: 'admin', prefix: DESK_PREFIX, routes: deskRoutes(strapi, registerPageReader(strapi)) } as never);
}
