import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectedFile, generatePage, writeCorpus, type ExpectedArticle } from '../../../bench/corpus';
import { pagesIn } from '../../../src/importer/pages/discover';
import { extractPage, readPage } from '../../../src/importer/extract';
import { pageMetaFor } from '../../../src/importer/pages/manifest';

const PAGES = 120;
let folder: string;
let files: string[];

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'newsroom-corpus-'));
  files = await writeCorpus(folder, PAGES, 7);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function expectedPages(): Array<{ fileName: string; articles: ExpectedArticle[] }> {
  return readFileSync(expectedFile(folder, 7), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

/** The extraction in the generator's terms. */
function extracted(file: string): ExpectedArticle[] {
  const meta = pageMetaFor(file, null);
  return extractPage(readPage(file), { issueDate: meta.issueDate }).extraction.articles.map((article) => ({
    title: article.title,
    dateline: article.dateline as string,
    credits: article.credits.map(({ name, role }) => ({ name, role })),
    officials: Object.fromEntries(article.officials.map(({ name, titles }) => [name, titles])),
    projects: Object.fromEntries(article.projects.map(({ name, stage }) => [name, stage as NonNullable<typeof stage>])),
    researchPlatforms: article.researchPlatforms.map(({ name, kind, host }) => ({ name, kind, host: host as string })),
  }));
}

describe('the synthetic corpus', () => {
  it('is what the importer reads: every article, credit, official with posts, project stage and platform', () => {
    const expected = expectedPages();
    expect(expected.map((page) => page.fileName)).toEqual(files.map((file) => path.basename(file)));
    for (const [index, file] of files.entries()) {
      expect({ file: path.basename(file), articles: extracted(file) }).toEqual({ file: expected[index].fileName, articles: expected[index].articles });
    }
  });

  it('uses every credit form, headlines after bodies and column breaks', () => {
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    const articles = expectedPages().flatMap((page) => page.articles);
    expect(articles.some((article) => article.credits.some((credit) => credit.role === 'correspondent'))).toBe(true);
    expect(texts.some((text) => /^■本报记者 /mu.test(text))).toBe(true);
    expect(texts.some((text) => /（记者 \S+）$/mu.test(text))).toBe(true);
    // A column break: a blank line after a line that ends inside a sentence.
    expect(texts.some((text) => /[^。！？\n]\n\n[^\n]/u.test(text))).toBe(true);
    const headlineAfterBody = files.some((file, index) => {
      const [first] = expectedPages()[index].articles;
      return texts[index].indexOf(first.title) > texts[index].indexOf(first.dateline);
    });
    expect(headlineAfterBody).toBe(true);
  });

  it('repeats a few officials often and most rarely, like a paper', () => {
    const seen = new Map<string, number>();
    for (const page of expectedPages()) {
      for (const article of page.articles) for (const name of Object.keys(article.officials)) seen.set(name, (seen.get(name) ?? 0) + 1);
    }
    const counts = [...seen.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(10);
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(counts.length / 3);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generatePage(7, 42)).toEqual(generatePage(7, 42));
    expect(readFileSync(files[42], 'utf8')).toBe(generatePage(7, 42).text);
    expect(generatePage(8, 42).text).not.toBe(generatePage(7, 42).text);
  });

  it('adds a second archive to the folder instead of overwriting the first, and the importer takes only the pages', async () => {
    const second = await writeCorpus(folder, 5, 8);
    expect(second.filter((file) => files.includes(file))).toEqual([]);
    expect(readFileSync(files[0], 'utf8')).toBe(generatePage(7, 0).text);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest)).toHaveLength(PAGES + 5);
    expect(pageMetaFor(files[0], null)).toEqual({ issueDate: generatePage(7, 0).issueDate, page: generatePage(7, 0).page });
    expect(pageMetaFor(second[0], null)).toEqual({ issueDate: generatePage(8, 0).issueDate, page: generatePage(8, 0).page });
    expect(expectedPages()).toHaveLength(PAGES);
    const { pages, skipped } = pagesIn(folder);
    expect(pages).toEqual([...files, ...second].sort());
    expect(skipped.map((entry) => path.basename(entry.file))).toEqual(['expected-s7.jsonl', 'expected-s8.jsonl']);
  });
});
