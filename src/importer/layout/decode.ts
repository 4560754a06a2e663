import { PageError } from '../errors';

/**
 * OCR pages arrive in whatever encoding the scanning station was set to: UTF-8 (with or without
 * BOM), GB18030/GBK from older Windows setups, occasionally UTF-16 with a BOM, and now and then
 * Big5 from a station set up for traditional characters.
 */

/**
 * A printed page is 10–40 KB of text in a few hundred lines. Anything far larger is not one page
 * (a log, a whole issue glued together) and is refused before it ties up an import.
 */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_PAGE_LINES = 50_000;

export function tooLarge(file: string, bytes: number): PageError {
  return new PageError(file, `page too large (${bytes} bytes > ${MAX_PAGE_BYTES} bytes); split it into pages`);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

// \t \n \f \r are layout; every other C0 control (and DEL) means the file is not text.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** 1-based line of a character offset, counting CRLF, LF and CR each as one break. */
export function lineNumberAt(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function rejectControlCharacters(file: string, text: string): void {
  const match = CONTROL_CHARACTER.exec(text);
  if (match) {
    const code = match[0].charCodeAt(0).toString(16).padStart(2, '0');
    throw new PageError(file, `binary data (control character 0x${code}), not a text page`, lineNumberAt(text, match.index));
  }
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The first line that does not decode. Line breaks are single ASCII bytes that never occur inside
 * a UTF-8 or GB18030 multi-byte sequence, so splitting the bytes on them is safe for both.
 */
function firstUndecodableLine(encoding: string, bytes: Buffer): number {
  const lines = bytes.toString('latin1').split(/\r\n|\r|\n/);
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    if (tryDecode(encoding, bytes.subarray(offset, offset + line.length)) === null) return index + 1;
    offset += line.length;
    offset += bytes[offset] === 0x0d && bytes[offset + 1] === 0x0a ? 2 : 1;
  }
  return lines.length;
}

/**
 * GB2312, the character set of simplified Chinese text, uses trail bytes 0xA1–0xFE only; Big5
 * puts about a third of its characters on trail bytes 0x40–0x7E, which GBK allows but simplified
 * text hardly ever needs. Big5 bytes mostly decode as (meaningless) GBK, so the share of such
 * trail bytes is what tells the two apart.
 */
const BIG5_LOW_TRAIL_SHARE = 0.1;

export function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowTrails = 0;
  for (let index = 0; index < bytes.length - 1; index += 1) {
    if (bytes[index] < 0x81 || bytes[index] === 0xff) continue;
    const trail = bytes[index + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      index += 3; // a GB18030 four-byte sequence, which Big5 never has
      continue;
    }
    pairs += 1;
    if (trail >= 0x40 && trail <= 0x7e) lowTrails += 1;
    index += 1;
  }
  return pairs > 0 && lowTrails / pairs > BIG5_LOW_TRAIL_SHARE;
}

/** Byte ranges of the characters Chinese text in a double-byte encoding is mostly made of. */
interface CommonCharacters {
  name: string;
  lead: [number, number];
  trails: Array<[number, number]>;
}

/** GB2312's symbols (full-width punctuation included) and hanzi: nearly all of simplified text. */
const GB2312: CommonCharacters = { name: 'GB18030', lead: [0xa1, 0xf7], trails: [[0xa1, 0xfe]] };
/** Big5's symbols and its frequent and less frequent characters. */
const BIG5_STANDARD: CommonCharacters = { name: 'Big5', lead: [0xa1, 0xf9], trails: [[0x40, 0x7e], [0xa1, 0xfe]] };

/**
 * Bytes that are not UTF-8 may still decode in GB18030 or Big5 without reading as Chinese: a
 * Latin-1 `Müller` is valid Big5, UTF-8 with a lost byte can be valid GB18030, and either comes
 * out as gibberish. Real pages in those encodings use their common characters almost only, so a
 * decoding whose two-byte characters are not mostly common ones is refused instead.
 */
const MIN_COMMON_SHARE = 0.8;

function readsAsChinese(bytes: Uint8Array, common: CommonCharacters): boolean {
  let pairs = 0;
  let usual = 0;
  for (let index = 0; index < bytes.length - 1; index += 1) {
    const lead = bytes[index];
    if (lead < 0x81) continue;
    const trail = bytes[index + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      index += 3; // a GB18030 four-byte sequence: rare characters, counted as unusual
      pairs += 1;
      continue;
    }
    pairs += 1;
    if (lead >= common.lead[0] && lead <= common.lead[1] && common.trails.some(([low, high]) => trail >= low && trail <= high)) usual += 1;
    index += 1;
  }
  return pairs === 0 || usual / pairs >= MIN_COMMON_SHARE;
}

function decodeUtf16(file: string, bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  const text = tryDecode(encoding, bytes.subarray(2));
  if (text === null) throw new PageError(file, `undecodable ${encoding.toUpperCase()} text`, null);
  rejectControlCharacters(file, text);
  return text;
}

function decodeBytes(file: string, bytes: Buffer): string {
  if (startsWith(bytes, UTF16LE_BOM)) return decodeUtf16(file, bytes, 'utf-16le');
  if (startsWith(bytes, UTF16BE_BOM)) return decodeUtf16(file, bytes, 'utf-16be');

  // Control bytes mean the same thing in every ASCII-compatible encoding, so check them before
  // guessing one: a binary file should be reported as binary, not as badly encoded text.
  rejectControlCharacters(file, bytes.toString('latin1'));

  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  const utf8 = tryDecode('utf-8', body);
  if (utf8 !== null) return utf8;
  if (body !== bytes) {
    throw new PageError(file, 'undecodable: starts with a UTF-8 BOM but is not valid UTF-8', firstUndecodableLine('utf-8', body));
  }
  const notChinese = (common: CommonCharacters) =>
    new PageError(file, `undecodable: not UTF-8, and read as ${common.name} it is not Chinese text`, firstUndecodableLine('utf-8', body));
  if (looksLikeBig5(body)) {
    const big5 = tryDecode('big5', body);
    if (big5 === null) throw new PageError(file, 'undecodable: looks like Big5 (traditional Chinese) but is not valid Big5', firstUndecodableLine('big5', body));
    if (!readsAsChinese(body, BIG5_STANDARD)) throw notChinese(BIG5_STANDARD);
    return big5;
  }
  const gb18030 = tryDecode('gb18030', body);
  if (gb18030 !== null) {
    if (!readsAsChinese(body, GB2312)) throw notChinese(GB2312);
    return gb18030;
  }

  // Whichever encoding got further is most likely the intended one; its first bad line is the
  // one an editor needs to look at.
  const line = Math.max(firstUndecodableLine('utf-8', body), firstUndecodableLine('gb18030', body));
  throw new PageError(file, 'undecodable: neither UTF-8 nor GB18030', line);
}

/** Lines as splitLines counts them: a final line break does not start another line. */
function countLines(text: string): number {
  let count = 1;
  for (let index = 0; index < text.length - 1; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) count += 1;
  }
  return count;
}

/** Raw page bytes to text, without BOM. Throws PageError for empty, too large, binary or undecodable input. */
export function decodePage(file: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new PageError(file, 'empty file (0 bytes)', 1);
  if (bytes.length > MAX_PAGE_BYTES) throw tooLarge(file, bytes.length);
  const text = decodeBytes(file, bytes);
  if (text.trim() === '') throw new PageError(file, 'empty file (only whitespace)', 1);
  const lines = countLines(text);
  if (lines > MAX_PAGE_LINES) throw new PageError(file, `page too large (${lines} lines > ${MAX_PAGE_LINES} lines); split it into pages`);
  return text;
}
