import { randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { z } from 'zod';
import { IssueDateSchema, pageMetaFor } from '../importer';
import { readPage } from '../importer';
import type { FileReport, Importer, PageMeta } from '../importer';

/** The queue's Redis cannot take a page now: the page is not queued, and the caller may try again. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

/**
 * Pages waiting in Redis (BullMQ) for any number of `npm run worker` processes, on any host, to
 * import them with the importer's own transaction and key locks. A page is a job carrying its
 * bytes, so a worker needs no access to the files. BullMQ hands a job to one worker at a time and
 * gives it to another when its worker stops renewing its hold (a killed worker); a page imported
 * by a worker that died before saying so is found unchanged by its stamp on the next try, so no
 * page is imported twice. A page that fails is tried `attempts` times, then kept with its error.
 * A CLI run's outcome, page by page, is a Redis hash written by the workers; a desk run's is its
 * import-run entry, which the workers fill in through the desk's recorder (src/desk/import-runs.ts).
 * Either way the enqueuing process may be gone: anyone with the run id reads its progress.
 */

const QUEUE_NAME = 'page-imports';

const QueueSettingsSchema = z.object({
  url: z.url({ protocol: /^rediss?$/ }),
  keyPrefix: z.string().min(1),
  importQueue: z.object({ attempts: z.number().int().min(1).max(20), lockMs: z.number().int().min(1000) }),
});
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** config/redis.ts (`strapi.config.get('redis')`), checked: the queue needs REDIS_URL. */
export function parseQueueSettings(raw: unknown): QueueSettings {
  const parsed = QueueSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The import queue needs REDIS_URL (and valid IMPORT_QUEUE_* values): ${issues}`);
  }
  return parsed.data;
}

const PageJobSchema = z.object({
  /** The CLI's run (a UUID), or the desk's import-run entry (its documentId) when `deskRun`. */
  runId: z.string().min(1),
  /** Jobs queued before the desk queued any have no such field: they are the CLI's. */
  deskRun: z.boolean().default(false),
  file: z.string().min(1),
  /** The page's bytes, base64. */
  bytes: z.string(),
  meta: z.object({ issueDate: IssueDateSchema.nullable(), page: z.string().nullable() }),
  publish: z.boolean(),
  restoreDeleted: z.boolean(),
});
type PageJob = z.input<typeof PageJobSchema>;

export type PageOutcome = FileReport['status'];

export interface RunProgress {
  runId: string;
  total: number;
  /** Pages done, by outcome (`skipped`: as the last import left them, e.g. a retried page imported before). */
  outcomes: Record<PageOutcome, number>;
  /** Pages given up after every attempt, with their error. */
  failures: Array<{ file: string; error: string }>;
  finished: boolean;
}

/** BullMQ keeps blocking connections: commands must wait for a reconnection, not fail (its documented setting). */
const connectionOf = (settings: QueueSettings) => new Redis(settings.url, { maxRetriesPerRequest: null });
const bullPrefix = (settings: QueueSettings) => `${settings.keyPrefix}bull`;
const runKey = (settings: QueueSettings, runId: string) => `${settings.keyPrefix}import-run:${runId}`;

const jobOptions = (settings: QueueSettings, jobId: string) => ({
  jobId,
  attempts: settings.importQueue.attempts,
  backoff: { type: 'exponential', delay: 1000 },
  // The run's record keeps the outcome; the page's bytes need not stay in Redis.
  removeOnComplete: true,
  removeOnFail: true,
});

/** Queues `paths` as one run; returns its id. The pages are read now, on this host. */
export async function enqueuePages(
  settings: QueueSettings,
  paths: string[],
  options: { publish: boolean; issueDate: string | null; restoreDeleted: boolean },
): Promise<string> {
  const runId = randomUUID();
  const connection = connectionOf(settings);
  const queue = new Queue<PageJob>(QUEUE_NAME, { connection, prefix: bullPrefix(settings) });
  try {
    await connection.hset(runKey(settings, runId), 'total', String(paths.length));
    const jobs = paths.map((file, index) => {
      const data: PageJob = {
        runId,
        file,
        bytes: readPage(file).bytes.toString('base64'),
        meta: pageMetaFor(file, options.issueDate),
        publish: options.publish,
        restoreDeleted: options.restoreDeleted,
      };
      return { name: 'page', data, opts: jobOptions(settings, `${runId}-${index}`) };
    });
    for (let start = 0; start < jobs.length; start += 500) await queue.addBulk(jobs.slice(start, start + 500));
    return runId;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** An uploaded page as the desk read it: its bytes, and the issue date and page it resolved for it. */
export interface DeskPage {
  runId: string;
  fileName: string;
  bytes: Buffer;
  meta: PageMeta;
  publish: boolean;
  restoreDeleted: boolean;
}

/**
 * The desk's side of the queue, on the instance's shared connection (src/redis/) so that an upload
 * opens no connection of its own. `enqueue` answers the job's id once Redis holds the page.
 */
export function deskPageQueue(settings: QueueSettings, connection: Redis): { enqueue(page: DeskPage): Promise<string> } {
  const queue = new Queue<PageJob>(QUEUE_NAME, { connection, prefix: bullPrefix(settings) });
  // The shared connection's outage is logged once by src/redis/; an enqueue meanwhile fails its request.
  queue.on('error', () => undefined);
  return {
    async enqueue(page) {
      // BullMQ's first command waits until Redis is ready, however long it is down: the request fails now instead.
      if (connection.status !== 'ready') {
        throw new QueueUnavailableError(`Redis is unreachable (${connection.status}): the page was not queued, try again later`);
      }
      const jobId = `${page.runId}-${randomUUID()}`;
      const data = PageJobSchema.parse({
        runId: page.runId,
        deskRun: true,
        file: page.fileName,
        bytes: page.bytes.toString('base64'),
        meta: page.meta,
        publish: page.publish,
        restoreDeleted: page.restoreDeleted,
      });
      await queue.add('page', data, jobOptions(settings, jobId));
      return jobId;
    },
  };
}

export async function runProgress(settings: QueueSettings, runId: string): Promise<RunProgress | undefined> {
  const connection = new Redis(settings.url, { maxRetriesPerRequest: 1 });
  try {
    const fields = await connection.hgetall(runKey(settings, runId));
    if (!fields.total) return undefined;
    const outcomes: Record<PageOutcome, number> = { imported: 0, planned: 0, skipped: 0, failed: 0 };
    const failures: RunProgress['failures'] = [];
    let done = 0;
    for (const [field, value] of Object.entries(fields)) {
      if (field.startsWith('outcome:')) {
        const outcome = value as PageOutcome;
        if (outcome in outcomes) outcomes[outcome] += 1;
        done += 1;
      } else if (field.startsWith('error:')) failures.push(JSON.parse(value) as { file: string; error: string });
    }
    const total = Number(fields.total);
    return { runId, total, outcomes, failures, finished: done >= total };
  } finally {
    connection.disconnect();
  }
}

/** A desk page as a worker has it: what the desk's recorder needs to write it into its run. */
export interface QueuedDeskPage {
  runId: string;
  jobId: string;
  file: string;
  bytes: Buffer;
}

/** How a worker records a desk run's pages in its import-run entry (src/desk/import-runs.ts). */
export interface DeskRunRecorder {
  /** A page the import finished; recorded once, though a page whose worker died is imported again. */
  imported(page: QueuedDeskPage, report: FileReport): Promise<void>;
  /** A failed attempt: `final` when no attempt is left, else the page waits for its next try. */
  failed(page: QueuedDeskPage, error: string, final: boolean): Promise<void>;
}

export interface WorkerHooks {
  deskRuns: DeskRunRecorder;
  /** Each page the worker is done with, and each job it cannot read. */
  onPage?: (file: string, outcome: PageOutcome, error?: string) => void;
}

/**
 * Imports queued pages one at a time until `close`. A failed attempt is thrown back to BullMQ,
 * which tries the page again after its backoff; the last attempt's failure is recorded as the
 * page's outcome here, in the worker, so that it is written before the job leaves the queue.
 */
export function startImportWorker(
  settings: QueueSettings,
  importer: Importer,
  { deskRuns, onPage = () => undefined }: WorkerHooks,
): { close(): Promise<void> } {
  const connection = connectionOf(settings);
  const recordInRedis = (runId: string, jobId: string, outcome: PageOutcome, error?: { file: string; error: string }) =>
    error
      ? connection.hset(runKey(settings, runId), `outcome:${jobId}`, outcome, `error:${jobId}`, JSON.stringify(error))
      : connection.hset(runKey(settings, runId), `outcome:${jobId}`, outcome);

  const worker = new Worker<PageJob, PageOutcome>(
    QUEUE_NAME,
    async (job: Job<PageJob>) => {
      const parsed = PageJobSchema.safeParse(job.data);
      if (!parsed.success) {
        // Another attempt would read the same payload: give up at once.
        const message = `malformed job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`;
        onPage(`job ${job.id}`, 'failed', message);
        throw new UnrecoverableError(message);
      }
      const page = parsed.data;
      const queued: QueuedDeskPage = {
        runId: page.runId,
        jobId: job.id as string,
        file: page.file,
        bytes: Buffer.from(page.bytes, 'base64'),
      };
      const result: { report: FileReport } | { error: string } = await importer
        .importPage({ file: page.file, bytes: queued.bytes }, page.meta, {
          dryRun: false,
          publish: page.publish,
          issueDate: page.meta.issueDate,
          restoreDeleted: page.restoreDeleted,
        })
        .then(
          (report) => (report.status === 'failed' ? { error: report.error ?? `${page.file}: the import failed` } : { report }),
          (thrown: unknown) => ({ error: `${page.file}: ${thrown instanceof Error ? thrown.message : String(thrown)}` }),
        );

      if ('error' in result) {
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (page.deskRun) await deskRuns.failed(queued, result.error, final);
        else if (final) await recordInRedis(page.runId, queued.jobId, 'failed', { file: page.file, error: result.error });
        if (!final) throw new Error(result.error);
        onPage(page.file, 'failed', result.error);
        return 'failed';
      }
      const { status } = result.report;
      if (page.deskRun) await deskRuns.imported(queued, result.report);
      else await recordInRedis(page.runId, queued.jobId, status);
      onPage(page.file, status);
      return status;
    },
    {
      connection,
      prefix: bullPrefix(settings),
      concurrency: 1,
      lockDuration: settings.importQueue.lockMs,
      stalledInterval: settings.importQueue.lockMs,
    },
  );

  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
