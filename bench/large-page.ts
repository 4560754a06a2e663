import { MAX_PAGE_LINES } from '../src/importer';
import { MAX_UPLOAD_BYTES } from '../src/desk/inputs';
import { generatePage } from './corpus';

/**
 * The largest page the desk accepts, in the shape that costs the importer most per byte: the
 * synthetic archive's pages (articles, credits, officials, projects) re-set four characters a
 * line, as an OCR of very narrow columns comes out, until the upload limit in bytes or the
 * page limit in lines is reached. About 44,000 lines and 440 articles.
 */
export function largestDeskPage(width = 4): Buffer {
  const lines: string[] = [];
  let bytes = 0;
  for (let index = 0; ; index += 1) {
    for (const line of generatePage(99, index).text.split('\n')) {
      if (line === '') continue;
      const characters = [...line];
      for (let at = 0; at < characters.length; at += width) {
        const piece = characters.slice(at, at + width).join('');
        const size = Buffer.byteLength(piece) + 1;
        if (bytes + size > MAX_UPLOAD_BYTES || lines.length === MAX_PAGE_LINES) return Buffer.from(`${lines.join('\n')}\n`);
        lines.push(piece);
        bytes += size;
      }
    }
  }
}
