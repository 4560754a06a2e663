import type { Core } from '@strapi/strapi';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadStrapi, provisionDatabase, startTestApp, withPostgresAdmin, type TestApp } from '../helpers/strapi';
import { closeApp } from '../../src/cli/app';
import { reindex } from '../../src/search/service';

/**
 * The security suite's archive: a database with more than a thousand published articles linked
 * to officials, projects and platforms, plus drafts, unpublished edits and the importer's private
 * bookkeeping. Built once per run by the global setup; each test file boots Strapi on its own
 * copy (a copied SQLite file, or a PostgreSQL database created from it as a template).
 */
export const ARCHIVE_ENV = 'NEWSROOM_SECURITY_ARCHIVE';
export const ARCHIVE_ARTICLES = 1050;
export const ARCHIVE_OFFICIALS = 60;
/** Named in every published article: the official whose article list grows with the archive. */
export const PROLIFIC_OFFICIAL = '张明远';
export const SECRET_SNAPSHOT = 'import-snapshot-secret';
export const SECRET_IMPORT_KEY = 'import-key-secret';
export const DRAFT_TITLE_PREFIX = '草稿';
export const EDITED_DRAFT_TITLE = '尚未发布的修改';

/** Articles created through the Document Service (with components); the rest are inserted as rows. */
const FULL_ARTICLES = 20;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** Creates the archive's content in one transaction. */
export async function seedArchive(strapi: Core.Strapi, articleCount = ARCHIVE_ARTICLES): Promise<void> {
  const published = { status: 'published' as const };
  const bookkeeping = { importSnapshot: { secret: SECRET_SNAPSHOT } };
  await strapi.db.transaction(async () => {
    const officials: string[] = [];
    for (let index = 0; index < ARCHIVE_OFFICIALS; index += 1) {
      const name = index === 0 ? PROLIFIC_OFFICIAL : `官员${index}`;
      const official = await strapi.documents('api::official.official').create({
        data: { name, importKey: `${SECRET_IMPORT_KEY}-${index}`, ...bookkeeping } as any,
        ...published,
      });
      officials.push(official.documentId);
    }
    await strapi.documents('api::official.official').create({ data: { name: `${DRAFT_TITLE_PREFIX}官员` } as any });

    const projects: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const project = await strapi.documents('api::project.project').create({
        data: { name: `项目${index}`, stage: (['signed', 'groundbreaking', 'in_production'] as const)[index % 3], ...bookkeeping } as any,
        ...published,
      });
      projects.push(project.documentId);
    }
    const platforms: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const platform = await strapi.documents('api::research-platform.research-platform').create({
        data: { name: `平台${index}`, kind: '重点实验室', hostInstitution: '示范大学', ...bookkeeping } as any,
        ...published,
      });
      platforms.push(platform.documentId);
    }

    const article = (index: number) => ({
      title: `文章${index}：全省项目建设`,
      sourceKey: `archive-${index}`,
      issueDate: `2023-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
      page: 'A01',
      body: paragraph(`第${index}篇文章的正文，记录项目建设与签约情况。`.repeat(4)),
      ...bookkeeping,
    });
    const links = (index: number) => ({
      officials: [...new Set([officials[0], ...[1, 2, 3].map((step) => officials[1 + ((index * step) % (ARCHIVE_OFFICIALS - 1))])])],
      projects: [projects[index % projects.length]],
      researchPlatforms: index % 3 === 0 ? [platforms[index % platforms.length]] : [],
    });

    // A few articles as the importer writes them, with components, through the Document Service.
    for (let index = 0; index < FULL_ARTICLES; index += 1) {
      await strapi.documents('api::article.article').create({
        data: {
          ...article(index),
          ...links(index),
          figures: [{ label: '签约项目', value: index, unit: '个' }],
          source: { fileName: `page-${index}.txt`, sha256: 'f'.repeat(64), firstLine: 1, lastLine: 20, rawText: '原文' },
        } as any,
        ...published,
      });
    }

    await insertPublishedArticles(strapi, FULL_ARTICLES, articleCount - FULL_ARTICLES, (index) => ({ ...article(index), ...links(index) }));

    for (let index = 0; index < 5; index += 1) {
      await strapi.documents('api::article.article').create({
        data: { title: `${DRAFT_TITLE_PREFIX}${index}`, sourceKey: `draft-${index}`, officials: [officials[0]], ...bookkeeping } as any,
      });
    }
    // A published article whose draft has edits nobody has published yet.
    const edited = await strapi.documents('api::article.article').create({
      data: { title: '已发布的原稿', sourceKey: 'edited-1', officials: [officials[0]] } as any,
      ...published,
    });
    await strapi.documents('api::article.article').update({
      documentId: edited.documentId,
      data: { title: EDITED_DRAFT_TITLE } as any,
    });
    // Rows inserted past the Document Service are not in the search index until it is rebuilt.
    await reindex(strapi);
  });
}

/**
 * Published articles inserted as rows, ~30× faster than the Document Service: Draft & Publish
 * keeps a draft and a published row per document, each linked to the same version of its
 * relations. `articleAt(index)` gives the attributes, with relations as documentIds.
 */
export async function insertPublishedArticles(
  strapi: Core.Strapi,
  from: number,
  count: number,
  articleAt: (index: number) => Record<string, unknown>,
): Promise<void> {
  const rowIds = await versionRowIds(strapi, ['api::official.official', 'api::project.project', 'api::research-platform.research-platform']);
  const relations = Object.entries((strapi.getModel('api::article.article') as any).attributes)
    .filter(([, attribute]: [string, any]) => attribute.type === 'relation' && rowIds.size > 0)
    .map(([name]) => name);
  const rows = strapi.db.query('api::article.article');
  for (let index = from; index < from + count; index += 1) {
    const documentId = `archive${String(index).padStart(17, '0')}`;
    const now = new Date();
    const data = articleAt(index);
    for (const version of ['draft', 'published'] as const) {
      const linked = Object.fromEntries(
        relations.filter((name) => Array.isArray(data[name])).map((name) => [name, (data[name] as string[]).map((id) => rowIds.get(`${version}:${id}`))]),
      );
      await rows.create({
        data: { documentId, ...data, ...linked, createdAt: now, updatedAt: now, publishedAt: version === 'published' ? now : null },
      });
    }
  }
}

/** `draft:<documentId>` and `published:<documentId>` → row id, for linking rows directly. */
async function versionRowIds(strapi: Core.Strapi, uids: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const uid of uids) {
    const rows = await strapi.db.query(uid as any).findMany({ select: ['id', 'documentId', 'publishedAt'] });
    for (const row of rows) ids.set(`${row.publishedAt ? 'published' : 'draft'}:${row.documentId}`, row.id);
  }
  return ids;
}

/** Global setup: builds the archive database and names it in the environment the test files inherit. */
export async function buildArchive(): Promise<void> {
  await provisionDatabase();
  const location = process.env.DATABASE_CLIENT === 'postgres' ? process.env.DATABASE_NAME! : process.env.DATABASE_FILENAME!;
  const strapi = await loadStrapi();
  try {
    await seedArchive(strapi);
  } finally {
    await closeApp(strapi);
  }
  process.env[ARCHIVE_ENV] = location;
}

/** Global teardown (same process as the setup, so the environment still names the archive). */
export async function removeArchive(): Promise<void> {
  const archive = process.env[ARCHIVE_ENV];
  if (!archive) return;
  if (process.env.DATABASE_CLIENT === 'postgres') {
    await withPostgresAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${archive} WITH (FORCE)`));
  } else {
    rmSync(path.dirname(archive), { recursive: true, force: true });
  }
  delete process.env[ARCHIVE_ENV];
}

/**
 * Boots Strapi on a fresh copy of the archive with extra environment variables (restored by
 * `stop`), for switches such as NODE_ENV or PUBLIC_SIGNUP that Strapi reads when it loads.
 */
export async function startOnArchive(env: Record<string, string> = {}): Promise<TestApp> {
  const archive = process.env[ARCHIVE_ENV];
  if (!archive) throw new Error(`${ARCHIVE_ENV} is not set: run the security tests through jest's "security" project`);
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const app = await startTestApp(archive);
  return {
    ...app,
    async stop() {
      await app.stop();
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
