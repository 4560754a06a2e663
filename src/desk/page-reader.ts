import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PageError } from '../importer';
import type { ExtractOptions, PageExtraction, PageInput } from '../importer';
import type { PageExtractor } from '../importer';

/** What the reader thread (src/desk/page-reader-worker.ts) is sent and answers. */
export interface PageReaderRequest {
  file: string;
  bytes: Uint8Array;
  issueDate: string | null;
}
export type PageReaderReply =
  | { page: PageExtraction }
  | { pageError: { file: string; message: string; line: number | null } }
  | { failure: string };

export interface PageReaderLimits {
  pagesAtOnce: number;
  pageTimeoutMs: number;
  readerHeapMb: number;
}

/**
 * How the desk reads pages without stopping the server: the parser runs on one worker thread,
 * one page at a time in the order asked, while the event loop goes on answering readers and
 * health checks. Bounded (config/importer.ts, `desk`): at most `pagesAtOnce` desk requests with
 * a page are in work at once and the rest are refused with a 429, so waiting pages cannot pile
 * up in memory; a page that takes longer than `pageTimeoutMs`, or more heap than
 * `readerHeapMb`, stops the thread (a new one starts for the next page) and fails alone.
 */
export interface PageReader {
  /** Runs `work` with an extractor that reads on the reader thread, or refuses with a 429 when the desk is full. */
  admit<T>(work: (extract: PageExtractor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Seconds an editor's client waits before trying again when the desk is full. */
export const DESK_RETRY_AFTER_SECONDS = 5;

export function createPageReader(limits: PageReaderLimits): PageReader {
  let thread: Worker | undefined;
  let inWork = 0;
  let queue: Promise<unknown> = Promise.resolve();

  function startThread(): Worker {
    const started = new Worker(path.join(__dirname, 'page-reader-worker.js'), { resourceLimits: { maxOldGenerationSizeMb: limits.readerHeapMb } });
    started.unref(); // an idle reader never keeps the process alive
    return started;
  }

  function readOnThread({ file, bytes }: PageInput, { issueDate }: ExtractOptions): Promise<PageExtraction> {
    thread ??= startThread();
    const reader = thread;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        reader.off('message', onMessage).off('error', onStopped).off('exit', onStopped);
      };
      // The thread is in an unknown state: the next page gets a new one.
      const abandon = (error: PageError) => {
        settle();
        if (thread === reader) thread = undefined;
        void reader.terminate();
        reject(error);
      };
      const onMessage = (reply: PageReaderReply) => {
        settle();
        if ('page' in reply) resolve(reply.page);
        else if ('pageError' in reply) reject(new PageError(reply.pageError.file, reply.pageError.message, reply.pageError.line));
        else reject(new Error(reply.failure));
      };
      const onStopped = (cause: unknown) =>
        abandon(new PageError(file, `could not be read: the reader stopped (${cause instanceof Error ? cause.message : `exit code ${String(cause)}`})`));
      const timer = setTimeout(() => abandon(new PageError(file, `took longer than ${limits.pageTimeoutMs / 1000} s to read; split it into pages`)), limits.pageTimeoutMs);
      reader.on('message', onMessage).on('error', onStopped).on('exit', onStopped);
      reader.postMessage({ file, bytes, issueDate } satisfies PageReaderRequest);
    });
  }

  const extract: PageExtractor = (input, options) => {
    const turn = queue.then(() => readOnThread(input, options));
    queue = turn.catch(() => undefined);
    return turn;
  };

  return {
    async admit(work) {
      if (inWork >= limits.pagesAtOnce) {
        throw new errors.RateLimitError(
          `The desk is reading ${inWork} pages already; try again in ${DESK_RETRY_AFTER_SECONDS} seconds.`,
          { retryAfterSeconds: DESK_RETRY_AFTER_SECONDS },
        );
      }
      inWork += 1;
      try {
        return await work(extract);
      } finally {
        inWork -= 1;
      }
    },
    async close() {
      const reader = thread;
      thread = undefined;
      await reader?.terminate();
    },
  };
}

const CONTAINER_NAME = 'newsroom::desk-page-reader';

/** The instance's one page reader, started with the desk's routes. */
export function registerPageReader(strapi: Core.Strapi): PageReader {
  const reader = createPageReader(strapi.config.get<PageReaderLimits>('importer.desk'));
  strapi.add(CONTAINER_NAME, reader);
  return reader;
}

/** Stops the reader thread when Strapi stops (tests start many instances in one process). */
export async function closePageReader(strapi: Core.Strapi): Promise<void> {
  if (strapi.has(CONTAINER_NAME)) await (strapi.get(CONTAINER_NAME) as PageReader).close();
}
