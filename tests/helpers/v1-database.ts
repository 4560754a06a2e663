import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import { extractPage, readPage } from '../../src/importer/extract';
import { desiredArticle, desiredEntity, pageEntityMentions, type PageMeta } from '../../src/importer/plan/desired';
import { ARTICLE_RELATIONS, OFFICIAL_SPEC, type Fields } from '../../src/importer/plan/records';
import { APP_ROOT } from './strapi';

/**
 * A database as content model v1 left it, when an article's reporters and an official's titles
 * were JSON lists: the sample page imported and published by the v1 importer, then edited.
 */
export const V1 = {
  page: path.join(APP_ROOT, 'seeds', '000_c63cc6bb5a561820.txt'),
  meta: { issueDate: '2023-01-28', page: null } as PageMeta,
  /** Published, then a reporter added in the draft and not published. */
  leadTitle: '全省第七期“三个一批”项目建设郑州分会场活动举行',
  leadDraftReporters: ['陈锋', '孙亚文', '编辑甲'],
  /** Titles edited and published. */
  mayor: { name: '何雄', titles: ['中共郑州市委副书记', '郑州市市长'] },
  /** Titles edited in the draft, not published. */
  secretary: { name: '安伟', titles: ['中共河南省委常委', '市委书记'] },
  /** v1's admin list columns of articles, and a label an editor chose. */
  articleColumns: ['title', 'dateline', 'reporters', 'reviewStatus', 'titleGenerated', 'continuedOn'],
  titleLabel: 'Headline 标题（编辑自定）',
};

const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
/** Entities before the articles that link them, as the importer publishes. */
const V1_UIDS = [OFFICIAL, 'api::project.project', 'api::research-platform.research-platform', ARTICLE] as const;

/**
 * Fills the database the DATABASE_* variables name, in a process of its own: Strapi caches each
 * content type's populate per process, and the v1 app's would outlive it into the current app's.
 */
export function fillV1Database(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), __filename], {
      cwd: APP_ROOT,
      env: process.env,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`filling the v1 database failed (${code}):\n${output}`))));
  });
}

/**
 * The v1 app: the compiled app (dist/) with the v1 schemas of tests/fixtures/legacy-schema/ and
 * without what v2 added (the Page type, the new components, the migration, the bootstrap). It
 * lives under .tmp/ inside the app so that Node finds node_modules from it.
 */
function buildV1App(): { load(): Promise<Core.Strapi>; remove(): void } {
  mkdirSync(path.join(APP_ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(APP_ROOT, '.tmp', 'v1-app-'));
  const dist = path.join(dir, 'dist');
  cpSync(path.join(APP_ROOT, 'dist', 'config'), path.join(dist, 'config'), { recursive: true });
  cpSync(path.join(APP_ROOT, 'dist', 'src'), path.join(dist, 'src'), { recursive: true });
  copyFileSync(path.join(APP_ROOT, 'package.json'), path.join(dir, 'package.json'));
  mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });

  for (const type of ['article', 'official']) {
    copyFileSync(
      path.join(APP_ROOT, 'tests', 'fixtures', 'legacy-schema', type, 'schema.json'),
      path.join(dist, 'src', 'api', type, 'content-types', type, 'schema.json'),
    );
  }
  rmSync(path.join(dist, 'src', 'api', 'page'), { recursive: true });
  for (const component of ['article/credit.json', 'article/review-flag.json', 'official', 'page']) {
    rmSync(path.join(dist, 'src', 'components', component), { recursive: true });
  }
  // v1's lifecycle did nothing; the middlewares come from today's config, and the response cache's
  // middleware needs the store that today's register() creates.
  writeFileSync(
    path.join(dist, 'src', 'index.js'),
    "module.exports = { register({ strapi }) { require('./response-cache').registerResponseCache(strapi); }, bootstrap() {} };\n",
  );

  return {
    load() {
      const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
      return createStrapi({ appDir: dir, distDir: dist, autoReload: false, serveAdminPanel: false }).load();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the v1 importer managed on an article, besides `reporters`. */
const V1_ARTICLE_FIELDS = [
  'title', 'subtitle', 'titleGenerated', 'outlet', 'dateline', 'issueDate', 'page', 'continuedOn', 'body', 'figures',
  'source', 'officials', 'projects', 'researchPlatforms',
];

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Writes one page the way the v1 importer did: drafts with version 1 import snapshots,
 * `reporters` naming the reporters, `titles` uniting the titles each article printed
 * (contributions without dates). Fields v1 did not have are left out.
 */
async function importAsV1(strapi: Core.Strapi, file: string, meta: PageMeta): Promise<void> {
  const { extraction, rawText } = extractPage(readPage(file), { issueDate: meta.issueDate });
  const source = { extraction, rawText, meta };
  const documentIds = new Map<string, string>();

  for (const mention of pageEntityMentions(extraction)) {
    const desired = desiredEntity(mention, null, null);
    if (!desired) continue;
    let written: Fields = desired.fields;
    let contributions = mention.contributions as Record<string, unknown>;
    if (mention.spec === OFFICIAL_SPEC) {
      const said = Object.entries(mention.contributions as Record<string, { titles: string[] }>);
      contributions = Object.fromEntries(said.map(([key, { titles }]) => [key, { titles }]));
      written = { name: mention.key, titles: unique(said.flatMap(([, { titles }]) => titles)) };
    }
    const created = await strapi.documents(mention.spec.uid as typeof OFFICIAL).create({
      data: { ...written, importKey: mention.key, importSnapshot: { version: 1, written, contributions } } as never,
    });
    documentIds.set(`${mention.spec.uid}|${mention.key}`, created.documentId);
  }

  for (const article of extraction.articles) {
    const fields = desiredArticle(article, source).fields;
    const written: Fields = Object.fromEntries(V1_ARTICLE_FIELDS.map((field) => [field, fields[field]]));
    written.reporters = article.reporters;
    const links = Object.fromEntries(
      Object.entries(ARTICLE_RELATIONS).map(([relation, spec]) => [
        relation,
        (written[relation] as string[]).map((key) => documentIds.get(`${spec.uid}|${key}`)),
      ]),
    );
    await strapi.documents(ARTICLE).create({
      data: { ...written, ...links, sourceKey: article.key, reviewStatus: 'needs_review', importSnapshot: { version: 1, written } } as never,
    });
  }
}

/** What a newsroom did with v1: import and publish the sample page, then edit. */
async function fill(v1: Core.Strapi): Promise<void> {
  await importAsV1(v1, V1.page, V1.meta);
  for (const uid of V1_UIDS) {
    for (const { documentId } of await v1.documents(uid as typeof ARTICLE).findMany({})) {
      await v1.documents(uid as typeof ARTICLE).publish({ documentId });
    }
  }
  const find = async (uid: string, filters: object) => (await v1.documents(uid as typeof ARTICLE).findMany({ filters }))[0];
  const edit = (uid: string, documentId: string, data: object) =>
    v1.documents(uid as typeof ARTICLE).update({ documentId, data: data as never });

  const lead = await find(ARTICLE, { title: V1.leadTitle });
  await edit(ARTICLE, lead.documentId, { reporters: V1.leadDraftReporters });
  const mayor = await find(OFFICIAL, { name: V1.mayor.name });
  await edit(OFFICIAL, mayor.documentId, { titles: V1.mayor.titles });
  await v1.documents(OFFICIAL).publish({ documentId: mayor.documentId });
  const secretary = await find(OFFICIAL, { name: V1.secretary.name });
  await edit(OFFICIAL, secretary.documentId, { titles: V1.secretary.titles });

  // v1's admin views: remembered as applied per type, with a reporters column.
  await v1.store({ type: 'plugin', name: 'newsroom' }).set({ key: 'admin-views-applied', value: [ARTICLE, OFFICIAL] });
  const contentTypes = v1.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(ARTICLE);
  const { settings, metadatas, layouts } = await contentTypes.findConfiguration(contentType);
  const title = { ...metadatas.title, edit: { ...metadatas.title.edit, label: V1.titleLabel } };
  await contentTypes.updateConfiguration(contentType, {
    settings, metadatas: { ...metadatas, title }, layouts: { ...layouts, list: V1.articleColumns },
  });
}

async function main(): Promise<void> {
  const app = buildV1App();
  try {
    const v1 = await app.load();
    if (!('reporters' in v1.contentType(ARTICLE).attributes)) throw new Error('the v1 app does not have the v1 schema');
    try {
      await fill(v1);
    } finally {
      await closeApp(v1);
    }
  } finally {
    app.remove();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
