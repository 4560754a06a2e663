import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE = join(__dirname, '../../../../seeds/000_c63cc6bb5a561820.txt');

/**
 * Hand-made article paragraphs for a line range of the sample page, built the way the articles
 * stage does: byline dropped up to ）, the continuation pointer dropped, lines joined without
 * separators, layout whitespace removed, paragraphs split at blank lines that follow 。.
 */
export function sampleParagraphs(firstLine: number, lastLine: number): string[] {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n').slice(firstLine - 1, lastLine);
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines.map((text) => text.replace(/\s+/gu, ''))) {
    if (line.startsWith('更多报道')) continue;
    if (line === '') {
      if (current.endsWith('。')) {
        paragraphs.push(current);
        current = '';
      }
      continue;
    }
    current += line;
  }
  if (current) paragraphs.push(current);
  paragraphs[0] = paragraphs[0]!.slice(paragraphs[0]!.indexOf('）') + 1);
  return paragraphs;
}

export const ARTICLE_1 = sampleParagraphs(1, 114);
export const ARTICLE_2 = sampleParagraphs(119, 205);
export const ARTICLE_3 = sampleParagraphs(207, 273);
export const REPORTERS = ['陈锋', '孙亚文', '王际宾', '翟宝宽', '李娜'];
