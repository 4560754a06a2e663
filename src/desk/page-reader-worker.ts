import { parentPort } from 'node:worker_threads';
import { PageError } from '../importer';
import { extractPage } from '../importer';
import type { PageReaderReply, PageReaderRequest } from './page-reader';

/**
 * The desk's page reader thread (src/desk/page-reader.ts): extracts one page at a time, so the
 * server's event loop never runs the parser. A page's own problems come back as PageError
 * fields, to be reported like any other unreadable page.
 */
parentPort!.on('message', ({ file, bytes, issueDate }: PageReaderRequest) => {
  let reply: PageReaderReply;
  try {
    reply = { page: extractPage({ file, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { issueDate }) };
  } catch (error) {
    reply = error instanceof PageError
      ? { pageError: { file: error.file, message: error.message, line: error.line } }
      : { failure: (error as Error)?.message ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
