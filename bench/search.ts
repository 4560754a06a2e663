import os from 'node:os';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { compileApp } from '../src/cli/app';
import { reindex } from '../src/search/service';
import { startTestApp } from '../tests/helpers/strapi';
import { insertPublishedArticles } from '../tests/security/archive';
import { percentile, recordBenchmarkSection } from './benchmarks-file';
import { runBench } from './run-bench';

/**
 * `npm run bench:search [-- --postgres] [--articles=N] [--queries=N]`: search latency over HTTP
 * (GET /api/search, first page of 10) on a generated archive of published articles, for a
 * two-character and a four-character query; p50/p99 recorded in BENCHMARKS.md, one section per
 * database. The articles are synthetic prose in the paper's style from a fixed word list and a
 * seeded generator, so every run searches the same archive.
 */
process.env.LOG_LEVEL ??= 'warn';

const QUERIES = [
  { label: 'two characters', q: '郑州' },
  { label: 'four characters', q: '项目建设' },
];
const WARM_UP = 20;

/** Newspaper words; the queried words are placed in a share of the articles only (SHARE_OF). */
const WORDS = [
  '项目', '建设', '全市', '全省', '推进', '发展', '经济', '产业', '企业', '签约', '开工', '投产',
  '会议', '强调', '要求', '加快', '落实', '工作', '群众', '服务', '改革', '创新', '科技', '人才', '教育', '医疗',
  '交通', '道路', '城市', '乡村', '振兴', '农业', '粮食', '生态', '环境', '保护', '安全', '生产', '市场', '消费',
  '投资', '开放', '合作', '平台', '研究', '中心', '实验室', '大学', '学院', '园区', '新区', '街道', '社区', '居民',
  '今年', '去年', '上半年', '一季度', '同比', '增长', '完成', '目标', '任务', '措施', '政策', '部门', '单位', '记者',
  '获悉', '介绍', '表示', '调研', '考察', '座谈', '举行', '召开', '部署', '推动', '提升', '质量', '效率', '水平',
  '洛阳', '开封', '新乡', '许昌', '5G', '基站', '数字', '智能', '制造', '新能源', '汽车', '电池', '材料', '装备',
];

/** Articles that contain each query on purpose (项目 and 建设 also meet by chance, rarely). */
const SHARE_OF: Record<string, number> = { 郑州: 0.3, 项目建设: 0.05 };

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function articleText(random: () => number, sentences: number): string {
  const parts: string[] = [];
  for (let s = 0; s < sentences; s += 1) {
    const length = 6 + Math.floor(random() * 10);
    let sentence = '';
    for (let w = 0; w < length; w += 1) sentence += WORDS[Math.floor(random() * WORDS.length)];
    parts.push(`${sentence}${random() < 0.3 ? '，' : '。'}`);
  }
  for (const [word, share] of Object.entries(SHARE_OF)) {
    if (random() < share) parts.splice(Math.floor(random() * parts.length), 0, `${word}。`);
  }
  return parts.join('');
}

interface Args {
  database: 'sqlite' | 'postgres';
  articles: number;
  queries: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { database: 'sqlite', articles: 10_000, queries: 200 };
  for (const arg of argv) {
    const [name, value] = arg.split('=');
    if (arg === '--postgres') args.database = 'postgres';
    else if (name === '--articles' && /^[1-9]\d*$/.test(value ?? '')) args.articles = Number(value);
    else if (name === '--queries' && /^[1-9]\d*$/.test(value ?? '')) args.queries = Number(value);
    else throw new Error(`unknown option ${arg} (expected --postgres, --articles=N, --queries=N)`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.env.DATABASE_CLIENT = args.database;
  process.env.RATE_LIMIT_ENABLED = 'false';
  compileApp();
  const app = await startTestApp();
  try {
    const random = seededRandom(20240301);
    const started = performance.now();
    await app.strapi.db.transaction(async () => {
      await insertPublishedArticles(app.strapi, 0, args.articles, (index) => ({
        title: articleText(random, 1).slice(0, 24),
        sourceKey: `bench-search-${index}`,
        issueDate: `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: articleText(random, 12 + Math.floor(random() * 20)) }] }],
      }));
    });
    const inserted = performance.now();
    const indexed = await reindex(app.strapi);
    const reindexSeconds = (performance.now() - inserted) / 1000;
    process.stderr.write(`${args.articles} articles inserted in ${((inserted - started) / 1000).toFixed(1)} s, ${indexed} entries indexed in ${reindexSeconds.toFixed(1)} s\n`);

    const rows: string[] = [];
    for (const { label, q } of QUERIES) {
      const timings: number[] = [];
      let total = 0;
      for (let i = 0; i < WARM_UP + args.queries; i += 1) {
        const before = performance.now();
        const res = await request(app.http).get(`/api/search?q=${encodeURIComponent(q)}`).expect(200);
        if (i >= WARM_UP) timings.push(performance.now() - before);
        total = res.body.meta.pagination.total;
      }
      rows.push(`| ${label}: \`${q}\` (${total} of ${args.articles} articles match) | ${percentile(timings, 0.5).toFixed(1)} ms | ${percentile(timings, 0.99).toFixed(1)} ms |`);
    }
    record(args, reindexSeconds, rows);
  } finally {
    await app.stop();
  }
}

function record(args: Args, reindexSeconds: number, rows: string[]): void {
  const name = args.database === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const body = [
    `## Search, ${name}`,
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node.js ${process.version}`,
    `- Command: \`npm run bench:search${args.database === 'postgres' ? ' -- --postgres' : ''}\` (${args.articles} published articles, ${args.queries} requests per query after ${WARM_UP} warm-up, one client, first page of 10 results with snippets and entity matches)`,
    `- Rebuilding the index (\`npm run search:reindex\`'s work) for the archive: ${reindexSeconds.toFixed(1)} s`,
    '',
    '| GET /api/search?q= | p50 | p99 |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
  recordBenchmarkSection(`search-${args.database}`, body);
  process.stderr.write(`${body}\n`);
}

runBench('bench:search', main);
