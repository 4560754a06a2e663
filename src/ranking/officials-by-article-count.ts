import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ARTICLE_UID, OFFICIAL_UID } from '../content-types';
import { parseQueryParams } from '../limits/query-params';
import { storageLayout } from '../strapi-rows';

export const RANKING_MAX_PAGE_SIZE = 100;

const positiveInt = (name: string) =>
  z.string().regex(/^[1-9]\d{0,5}$/, `${name} must be a positive integer`).transform(Number);

const RankingParamsSchema = z
  .object({
    page: positiveInt('page').default(1),
    pageSize: positiveInt('pageSize')
      .refine((n) => n <= RANKING_MAX_PAGE_SIZE, `pageSize is at most ${RANKING_MAX_PAGE_SIZE}`)
      .default(25),
  })
  .strict();

export type RankingParams = z.output<typeof RankingParamsSchema>;

export function parseRankingParams(raw: unknown): RankingParams {
  return parseQueryParams(RankingParamsSchema, raw);
}

export interface OfficialArticleCount {
  documentId: string;
  name: string;
  articleCount: number;
}

export interface RankingPage {
  officials: OfficialArticleCount[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/**
 * Published officials by the number of published articles that mention them, most first (ties by
 * name): one grouped query over the article–official links, which the Document Service cannot
 * express (it sorts by fields, not by the size of a relation). Tables and columns come from
 * src/strapi-rows, so a renamed attribute cannot silently break it.
 */
export async function officialsByArticleCount(strapi: Core.Strapi, { page, pageSize }: RankingParams): Promise<RankingPage> {
  const knex = strapi.db.connection;
  const layout = storageLayout(strapi);
  const official = layout.document(OFFICIAL_UID);
  const article = layout.document(ARTICLE_UID);
  const link = layout.link(ARTICLE_UID, 'officials');
  const officialPublishedAt = official.publishedAtColumn;

  const published = knex(official.table).whereNotNull(officialPublishedAt);
  const [{ total }] = await published.clone().count({ total: '*' });

  const rows = await knex({ o: official.table })
    .select({
      documentId: `o.${official.documentIdColumn}`,
      name: `o.${official.column('name')}`,
      articleCount: knex.raw('count(??)', [`a.${article.idColumn}`]),
    })
    .leftJoin({ l: link.name }, `l.${link.targetColumn}`, `o.${official.idColumn}`)
    // Published official rows link to published article rows; the check keeps it true for any future writer.
    .leftJoin({ a: article.table }, (join) => {
      join.on(`a.${article.idColumn}`, '=', `l.${link.ownerColumn}`).andOnNotNull(`a.${article.publishedAtColumn}`);
    })
    .whereNotNull(`o.${officialPublishedAt}`)
    .groupBy(`o.${official.idColumn}`, `o.${official.documentIdColumn}`, `o.${official.column('name')}`)
    .orderByRaw('count(??) desc, ?? asc, ?? asc', [`a.${article.idColumn}`, `o.${official.column('name')}`, `o.${official.idColumn}`])
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const count = Number(total);
  return {
    officials: rows.map((row: any) => ({ documentId: row.documentId, name: row.name, articleCount: Number(row.articleCount) })),
    pagination: { page, pageSize, pageCount: Math.ceil(count / pageSize), total: count },
  };
}
