import { z } from 'zod';
import { SEARCH_LIMITS } from '../search/service';
import { RANKING_MAX_PAGE_SIZE } from '../ranking/officials-by-article-count';

/**
 * Request and response shapes of the custom REST routes, as Strapi's route `request`/`response`
 * fields, from which @strapi/openapi writes their part of the OpenAPI description
 * (src/contract/openapi.ts). The controllers validate with their own zod schemas, which parse
 * query-string text; these describe the same parameters as the types a client sends.
 */
const page = z.number().int().min(1).optional().describe('Page number, from 1');
const pagination = z.object({ page: z.number().int(), pageSize: z.number().int(), pageCount: z.number().int(), total: z.number().int() });
const html = (what: string) => z.string().describe(`${what}, HTML-escaped, hits in <mark>`);

const entityHit = z.object({ documentId: z.string(), name: z.string(), nameHighlight: html('The name') });

export const searchRoute = {
  request: {
    query: {
      q: z
        .string()
        .min(1)
        .max(SEARCH_LIMITS.maxQueryLength)
        .describe(`Text to find, plain text (quotes and operators are characters), at most ${SEARCH_LIMITS.maxQueryRuns} words`),
      page,
      pageSize: z.number().int().min(1).max(SEARCH_LIMITS.maxPageSize).optional().describe(`Results per page, default ${SEARCH_LIMITS.defaultPageSize}`),
    },
  },
  response: z.object({
    data: z.object({
      articles: z.array(
        z.object({
          documentId: z.string(),
          title: z.string(),
          subtitle: z.string().nullable(),
          issueDate: z.string().nullable(),
          page: z.string().nullable(),
          titleHighlight: html('The title'),
          snippet: html('Body text around the first hit'),
        }),
      ),
      officials: z.array(entityHit),
      projects: z.array(entityHit),
      researchPlatforms: z.array(entityHit),
    }),
    meta: z.object({ pagination }),
  }),
};

export const rankingRoute = {
  request: {
    query: {
      page,
      pageSize: z.number().int().min(1).max(RANKING_MAX_PAGE_SIZE).optional().describe('Officials per page, default 25'),
    },
  },
  response: z.object({
    data: z.array(z.object({ documentId: z.string(), name: z.string(), articleCount: z.number().int() })),
    meta: z.object({ pagination }),
  }),
};
