import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { z } from 'zod';
import { IssueDateSchema, pageMetaFor } from '../importer';
import { readPage } from '../importer';
import type { FileReport, Importer } from '../importer';

/**
 * Pages waiting in Redis (BullMQ) for any number of `npm run worker` processes, on any host, to
 * import them with the importer's own transaction and key locks. A page is a job carrying its
 * bytes, so a worker needs no access to the files. BullMQ hands a job to one worker at a time and
 * gives it to another when its worker stops renewing its hold (a killed worker); a page imported
 * by a worker that died before saying so is found unchanged by its stamp on the next try, so no
 * page is imported twice. A page that fails is tried `attempts` times, then kept with its error.
 * Each run's outcome, page by page, is a Redis hash written by the workers: the enqueuing process
 * may be gone; anyone with the run id reads its progress.
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
  runId: z.string().min(1),
  file: z.string().min(1),
  /** The page's bytes, base64. */
  bytes: z.string(),
  meta: z.object({ issueDate: IssueDateSchema.nullable(), page: z.string().nullable() }),
  publish: z.boolean(),
  restoreDeleted: z.boolean(),
});
type PageJob = z.infer<typeof PageJobSchema>;

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
      return {
        name: 'page',
        data,
        opts: {
          jobId: `${runId}-${index}`,
          attempts: settings.importQueue.attempts,
          backoff: { type: 'exponential', delay: 1000 },
          // The run's hash keeps the outcome; the page's bytes need not stay in Redis.
          removeOnComplete: true,
          removeOnFail: true,
        },
      };
    });
    for (let start = 0; start < jobs.length; start += 500) await queue.addBulk(jobs.slice(start, start + 500));
    return runId;
  } finally {
    await queue.close();
    connection.disconnect();
  }
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

/**
 * Imports queued pages one at a time until `close`. The outcome of a page is written once it is
 * committed; a page whose import reports a failure is thrown back to BullMQ to be tried again.
 */
export function startImportWorker(
  settings: QueueSettings,
  importer: Importer,
  onPage: (job: { file: string; runId: string }, outcome: PageOutcome, error?: string) => void = () => undefined,
): { close(): Promise<void> } {
  const connection = connectionOf(settings);
  const record = (runId: string, jobId: string, outcome: PageOutcome) =>
    connection.hset(runKey(settings, runId), `outcome:${jobId}`, outcome);

  const worker = new Worker<PageJob, PageOutcome>(
    QUEUE_NAME,
    async (job: Job<PageJob>) => {
      const page = PageJobSchema.parse(job.data);
      const report = await importer.importPage({ file: page.file, bytes: Buffer.from(page.bytes, 'base64') }, page.meta, {
        dryRun: false,
        publish: page.publish,
        issueDate: page.meta.issueDate,
        restoreDeleted: page.restoreDeleted,
      });
      if (report.status === 'failed') throw new Error(report.error ?? 'the import failed');
      await record(page.runId, job.id as string, report.status);
      onPage(page, report.status);
      return report.status;
    },
    {
      connection,
      prefix: bullPrefix(settings),
      concurrency: 1,
      lockDuration: settings.importQueue.lockMs,
      stalledInterval: settings.importQueue.lockMs,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { runId, file } = job.data;
    void connection
      .hset(runKey(settings, runId), `outcome:${job.id}`, 'failed', `error:${job.id}`, JSON.stringify({ file, error: error.message }))
      .then(() => onPage({ file, runId }, 'failed', error.message));
  });

  return {
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
