import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parseQueryParams } from '../limits/query-params';

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
 * Strapi's metadata, so a renamed attribute cannot silently break it.
 */
export async function officialsByArticleCount(strapi: Core.Strapi, { page, pageSize }: RankingParams): Promise<RankingPage> {
  const knex = strapi.db.connection;
  const official = strapi.db.metadata.get('api::official.official') as any;
  const article = strapi.db.metadata.get('api::article.article') as any;
  const { joinTable } = article.attributes.officials;
  const column = (meta: any, attribute: string) => meta.attributes[attribute].columnName as string;

  const published = knex(official.tableName).whereNotNull(column(official, 'publishedAt'));
  const [{ total }] = await published.clone().count({ total: '*' });

  const rows = await knex({ o: official.tableName })
    .select({
      documentId: `o.${column(official, 'documentId')}`,
      name: `o.${column(official, 'name')}`,
      articleCount: knex.raw('count(??)', ['a.id']),
    })
    .leftJoin({ l: joinTable.name }, `l.${joinTable.inverseJoinColumn.name}`, 'o.id')
    // Published official rows link to published article rows; the check keeps it true for any future writer.
    .leftJoin({ a: article.tableName }, (join) => {
      join.on('a.id', '=', `l.${joinTable.joinColumn.name}`).andOnNotNull(`a.${column(article, 'publishedAt')}`);
    })
    .whereNotNull(`o.${column(official, 'publishedAt')}`)
    .groupBy('o.id', `o.${column(official, 'documentId')}`, `o.${column(official, 'name')}`)
    .orderByRaw('count(??) desc, ?? asc, ?? asc', ['a.id', `o.${column(official, 'name')}`, 'o.id'])
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const count = Number(total);
  return {
    officials: rows.map((row: any) => ({ documentId: row.documentId, name: row.name, articleCount: Number(row.articleCount) })),
    pagination: { page, pageSize, pageCount: Math.ceil(count / pageSize), total: count },
  };
}
