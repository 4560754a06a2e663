import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { APP_ROOT, loadStrapi, provisionDatabase } from '../helpers/strapi';
import { closeApp } from '../../src/cli/app';
import { writeCorpus } from '../../bench/corpus';
import type { Importer } from '../../src/importer/service';

/**
 * Several Strapi instances behind one PostgreSQL: two seed processes importing different pages
 * of one archive at once must leave exactly what one process importing them all leaves, since
 * the pages share officials, projects and platforms that both workers update.
 */
const postgresOnly = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;

const PAGES = 16;
let corpusDir: string;
let pages: string[];
const drops: Array<() => Promise<void>> = [];

function seed(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/seed.ts', ...args], {
      cwd: APP_ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Everything a reader or editor sees of the archive, without ids and timestamps. */
async function contentOf(strapi: Core.Strapi) {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();
  const articles = (await strapi.documents('api::article.article').findMany({
    status: 'draft', populate: { officials: true, projects: true, researchPlatforms: true, credits: true }, limit: 1000,
  })) as any[];
  const officials = (await strapi.documents('api::official.official').findMany({ status: 'draft', populate: { posts: true }, limit: 1000 })) as any[];
  const projects = (await strapi.documents('api::project.project').findMany({ status: 'draft', limit: 1000 })) as any[];
  const platforms = (await strapi.documents('api::research-platform.research-platform').findMany({ status: 'draft', limit: 1000 })) as any[];
  return {
    articles: articles
      .map((article) => ({
        key: article.sourceKey, title: article.title, issueDate: article.issueDate, credits: article.credits.map((c: any) => c.name),
        officials: names(article.officials), projects: names(article.projects), platforms: names(article.researchPlatforms),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
    officials: officials.map(({ name, posts }) => ({ name, posts: posts.map(({ title, firstSeen, lastSeen }: any) => ({ title, firstSeen, lastSeen })) })).sort(byName),
    projects: projects.map(({ name, stage }) => ({ name, stage })).sort(byName),
    platforms: platforms.map(({ name, kind, hostInstitution, nameGenerated }) => ({ name, kind, hostInstitution, nameGenerated })).sort(byName),
  };
}

beforeAll(async () => {
  corpusDir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-workers-'));
  pages = await writeCorpus(corpusDir, PAGES, 3);
});

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(corpusDir, { recursive: true, force: true });
});

postgresOnly('parallel import workers on one PostgreSQL', () => {
  it('leave the same archive as one worker, with no duplicate entity', async () => {
    drops.push(await provisionDatabase());
    // The schema first, as a deployment migrates once before starting its workers.
    await closeApp(await loadStrapi());
    const [even, odd] = [pages.filter((_, index) => index % 2 === 0), pages.filter((_, index) => index % 2 === 1)];
    const runs = await Promise.all([seed(even), seed(odd)]);
    expect(runs.map((run) => (run.code === 0 ? 0 : run.output))).toEqual([0, 0]);
    const parallelStrapi = await loadStrapi();
    const parallel = await contentOf(parallelStrapi);
    await closeApp(parallelStrapi);

    drops.push(await provisionDatabase());
    const strapi = await loadStrapi();
    try {
      const importer = strapi.service('api::importer.importer') as unknown as Importer;
      const report = await importer.importFiles(pages, { dryRun: false, publish: false, issueDate: null });
      expect(report.failed).toBe(0);
      const single = await contentOf(strapi);
      expect(single.articles.length).toBeGreaterThan(PAGES * 3);
      expect(single.officials.some((official) => official.posts.some((post: any) => post.firstSeen !== post.lastSeen))).toBe(true);
      expect(parallel).toEqual(single);
    } finally {
      await closeApp(strapi);
    }
    // Five Strapi boots and three imports: minutes on a loaded two-core machine.
  }, 300_000);
});
