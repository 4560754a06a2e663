import { execFileSync } from 'node:child_process';
import { decodePage, lineNumberAt, looksLikeBig5, MAX_PAGE_BYTES, MAX_PAGE_LINES } from '../../../../src/importer/layout/decode';
import { PageError } from '../../../../src/importer/errors';
import { readFixture, SAMPLE_PATH } from '../pages';

function decodeError(bytes: Buffer): PageError {
  try {
    decodePage('page.txt', bytes);
  } catch (error) {
    if (error instanceof PageError) return error;
    throw error;
  }
  throw new Error('expected a PageError');
}

const TEXT = '本报讯（记者 钱进）4月2日，\n市图书馆新馆开放。\n';

describe('decodePage', () => {
  it('decodes UTF-8 without and with BOM to the same text', () => {
    expect(decodePage('page.txt', Buffer.from(TEXT, 'utf8'))).toBe(TEXT);
    expect(decodePage('page.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]))).toBe(TEXT);
  });

  it('decodes a committed GB18030 fixture', () => {
    expect(decodePage('gb18030-small.txt', readFixture('gb18030-small.txt'))).toBe(TEXT);
  });

  it('decodes GB18030 produced by iconv', () => {
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: TEXT });
    expect(bytes.equals(Buffer.from(TEXT, 'utf8'))).toBe(false);
    expect(decodePage('page.txt', bytes)).toBe(TEXT);
  });

  it('decodes UTF-16 with a BOM, little and big endian', () => {
    const little = Buffer.from(`\ufeff${TEXT}`, 'utf16le');
    const big = Buffer.from(little).swap16();
    expect(decodePage('page.txt', little)).toBe(TEXT);
    expect(decodePage('page.txt', big)).toBe(TEXT);
  });

  it('rejects a 0-byte file', () => {
    const error = decodeError(Buffer.alloc(0));
    expect(error.toString()).toBe('page.txt:1: empty file (0 bytes)');
  });

  it('rejects a file of only whitespace, ideographic spaces included', () => {
    const error = decodeError(Buffer.from(' \r\n\u3000\n\t\n', 'utf8'));
    expect(error.message).toMatch(/empty file/);
    expect(error.file).toBe('page.txt');
  });

  it('rejects binary data naming the line of the first control character', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\r\n第二行\n第三行\n第', 'utf8'), Buffer.from([0x00, 0x01]), Buffer.from('四行\n')]);
    const error = decodeError(bytes);
    expect(error.line).toBe(4);
    expect(error.toString()).toMatch(/^page\.txt:4: binary data/);
  });

  it('allows tabs and form feeds', () => {
    expect(decodePage('page.txt', Buffer.from('甲\t乙\f\n丙\n', 'utf8'))).toBe('甲\t乙\f\n丙\n');
  });

  it('rejects bytes that are neither UTF-8 nor GB18030, naming the line of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行\n坏', 'utf8'), Buffer.from([0xff, 0xff]), Buffer.from('\n', 'utf8')]);
    const error = decodeError(bytes);
    expect(error.line).toBe(3);
    expect(error.toString()).toMatch(/^page\.txt:3: undecodable/);
  });

  it('locates a bad byte in an otherwise GB18030 file', () => {
    const gb = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: '第一行\n第二行\n第三行\n' });
    const error = decodeError(Buffer.concat([gb, Buffer.from([0xff, 0x0a])]));
    expect(error.line).toBe(4);
  });

  it('refuses invalid UTF-8 that GB18030 would decode into gibberish, naming the first bad line', () => {
    // Lines of two characters pair up as GB18030; the last character lost its third byte.
    const utf8 = Buffer.concat([Buffer.from('新闻\n报道\n中文\n', 'utf8'), Buffer.from('文', 'utf8').subarray(0, 2)]);
    expect(new TextDecoder('gb18030', { fatal: true }).decode(utf8)).not.toContain('新闻');
    const error = decodeError(utf8);
    expect(error.toString()).toBe('page.txt:4: undecodable: not UTF-8, and read as GB18030 it is not Chinese text');
  });

  it('refuses Latin-1 text that Big5 would decode into gibberish', () => {
    const latin1 = Buffer.from('Müller über Straße grün\n', 'latin1');
    expect(new TextDecoder('big5', { fatal: true }).decode(latin1)).not.toContain('Müller');
    expect(decodeError(latin1).message).toBe('undecodable: not UTF-8, and read as Big5 it is not Chinese text');
  });

  it('decodes GB18030 pages with a few characters outside GB2312', () => {
    const text = `${'本报讯市图书馆新馆开放。'.repeat(20)}\n王喆、李堃出席。\n`;
    expect(decodePage('page.txt', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }))).toBe(text);
  });

  it('rejects a UTF-8 BOM followed by invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('好\n', 'utf8'), Buffer.from([0xc3, 0x28])]);
    expect(decodeError(bytes).line).toBe(2);
  });
});

describe('decodePage on traditional characters and oversized pages', () => {
  const TRADITIONAL = '本報訊（記者 陳明）昨日，市圖書館舉辦古籍修復展覽，\n吸引讀者前來參觀。\n';

  it('decodes Big5, which would otherwise pass for (meaningless) GBK', () => {
    const big5 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5'], { input: TRADITIONAL });
    expect(looksLikeBig5(big5)).toBe(true);
    expect(decodePage('page.txt', big5)).toBe(TRADITIONAL);
  });

  it('does not take simplified text in GB18030 for Big5', () => {
    expect(looksLikeBig5(readFixture('gb18030-small.txt'))).toBe(false);
    const sample = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', SAMPLE_PATH]);
    expect(looksLikeBig5(sample)).toBe(false);
  });

  it('reports Big5-looking bytes that are not valid Big5 as undecodable Big5', () => {
    const big5 = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5'], { input: TRADITIONAL });
    const error = decodeError(Buffer.concat([big5, Buffer.from([0xa4, 0x0a])]));
    expect(error.toString()).toMatch(/^page\.txt:3: undecodable: looks like Big5/);
  });

  it('refuses a page over the byte limit or the line limit, saying both numbers', () => {
    expect(decodeError(Buffer.alloc(MAX_PAGE_BYTES + 1, 0x41)).message).toBe(
      `page too large (${MAX_PAGE_BYTES + 1} bytes > ${MAX_PAGE_BYTES} bytes); split it into pages`,
    );
    expect(decodeError(Buffer.from('甲\n'.repeat(MAX_PAGE_LINES + 1))).message).toBe(
      `page too large (${MAX_PAGE_LINES + 1} lines > ${MAX_PAGE_LINES} lines); split it into pages`,
    );
    expect(decodePage('page.txt', Buffer.from('甲\n'.repeat(MAX_PAGE_LINES)))).toHaveLength(2 * MAX_PAGE_LINES);
  });
});

describe('lineNumberAt', () => {
  it('counts CRLF, LF and CR as one line break each', () => {
    expect(lineNumberAt('a\r\nb\nc\rd', 7)).toBe(4);
    expect(lineNumberAt('abc', 0)).toBe(1);
  });
});
