import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { IMPORT_RUN_UID } from '../content-types';
import { PageError, addCounts, decodePage, inImportTransaction } from '../importer';
import type { FieldValue, FileReport, Importer, TypeCounts } from '../importer';
import { deskPageQueue, parseQueueSettings, type DeskRunRecorder, type QueuedDeskPage } from '../import-queue';
import { sharedRedisOf } from '../redis';
import { MAX_UPLOAD_BYTES, type PageUpload } from './inputs';
import type { PageReader } from './page-reader';
import { knownPageMeta, type KnownPageMeta } from './page-meta';

/** What a run keeps of each file: enough to tell later what happened, not the page itself. */
export interface RunFile {
  fileName: string;
  sha256: string;
  /** `queued`: waiting for a worker (with REDIS_URL); its `error`, if any, is a failed attempt's, to be tried again. */
  status: FileReport['status'] | 'queued';
  error: string | null;
  articles: number;
  counts: Record<string, TypeCounts>;
  warnings: string[];
  deleted: string[];
  /** A queued page's job, by which the worker that imports it finds its entry. */
  jobId?: string;
}

export interface ImportRun {
  documentId: string;
  startedBy: string | null;
  published: boolean;
  files: RunFile[];
  totals: Record<string, TypeCounts>;
  failed: number;
  /** Files still queued: the run is done when none is. */
  pending: number;
  createdAt: string;
}

type StoredRun = Omit<ImportRun, 'pending'>;
const withPending = (run: StoredRun): ImportRun => ({
  ...run,
  pending: (run.files ?? []).filter((file) => file.status === 'queued').length,
});

const RUN_FIELDS = ['documentId', 'startedBy', 'published', 'files', 'totals', 'failed', 'createdAt'];
const RUNS_LISTED = 50;

/**
 * The upload's bytes, refused with the importer's own message (file and line) when they are not
 * a page: too large, empty, binary or in no encoding a scanning station uses.
 */
function pageBytes(upload: PageUpload): { bytes: Buffer; text: string } {
  const bytes = Buffer.from(upload.content, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new errors.PayloadTooLargeError(`${upload.fileName}: file too large (${bytes.length} bytes > ${MAX_UPLOAD_BYTES} bytes)`);
  }
  try {
    return { bytes, text: decodePage(upload.fileName, bytes) };
  } catch (error) {
    if (error instanceof PageError) throw new errors.ValidationError(error.toString());
    throw error;
  }
}

/** A preview: the importer's dry run, with the issue date and page it used and where they came from. */
export interface PagePreview extends FileReport {
  meta: KnownPageMeta;
  /** Stored values the import would empty: the preview warns about each before anything is written. */
  clears: Array<{ type: string; key: string; field: string; from: FieldValue }>;
}

const isEmpty = (value: FieldValue) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

function clearedValues(report: FileReport): PagePreview['clears'] {
  return report.changes.flatMap(({ type, key, changed }) =>
    changed.filter(({ from, to }) => isEmpty(to) && !isEmpty(from)).map(({ field, from }) => ({ type, key, field, from })),
  );
}

function importerOf(strapi: Core.Strapi): Importer {
  return strapi.service('api::importer.importer') as unknown as Importer;
}

/** One uploaded page through the importer on the desk's reader, with the issue date and page the desk knows for it. */
async function importUpload(strapi: Core.Strapi, reader: PageReader, upload: PageUpload, mode: { dryRun: boolean; publish: boolean }) {
  const { bytes, text } = pageBytes(upload);
  const meta = await knownPageMeta(strapi, upload.fileName, text, upload);
  const report = await reader.admit((extract) =>
    importerOf(strapi).importPage(
      { file: upload.fileName, bytes },
      { issueDate: meta.issueDate, page: meta.page },
      { ...mode, issueDate: meta.issueDate, restoreDeleted: upload.restoreDeleted },
      extract,
    ),
  );
  return { report, meta, bytes };
}

/** The same page, dry-run: what an import would create, update, leave alone or keep. */
export async function previewPage(strapi: Core.Strapi, reader: PageReader, upload: PageUpload): Promise<PagePreview> {
  const { report, meta } = await importUpload(strapi, reader, upload, { dryRun: true, publish: false });
  return { ...report, meta, clears: clearedValues(report) };
}

export async function startRun(strapi: Core.Strapi, startedBy: string | null, publish: boolean): Promise<ImportRun> {
  const run = await strapi.documents(IMPORT_RUN_UID).create({
    data: { startedBy: startedBy ?? undefined, published: publish, files: [], totals: {}, failed: 0 },
  });
  return findRun(strapi, run.documentId);
}

export async function findRun(strapi: Core.Strapi, documentId: string): Promise<ImportRun> {
  const run = (await strapi.db.query(IMPORT_RUN_UID).findOne({ where: { documentId }, select: RUN_FIELDS })) as StoredRun | null;
  if (!run) throw new errors.NotFoundError(`Import run ${documentId} does not exist`);
  return withPending(run);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function recordedFile(fileName: string, bytes: Buffer, report: FileReport): RunFile {
  return {
    fileName,
    sha256: sha256(bytes),
    status: report.status,
    error: report.error,
    articles: report.articles,
    counts: report.counts,
    warnings: report.unassigned.map(({ lines, reason }) => `${fileName}:${lines.first}: lines ${lines.first}-${lines.last} ${reason}`),
    deleted: report.deleted.map((article) => article.title),
  };
}

/** A queued page's entry before its import is done (`error`: a failed attempt's, or none yet). */
const queuedFile = (page: Omit<QueuedDeskPage, 'runId'>, status: 'queued' | 'failed', error: string | null): RunFile => ({
  fileName: page.file,
  sha256: sha256(page.bytes),
  status,
  error,
  articles: 0,
  counts: {},
  warnings: [],
  deleted: [],
  jobId: page.jobId,
});

/**
 * Writes one file's entry into its run, under the run's lock so that files recorded at once all
 * stay in its list. A queued page's entry (found by its job) is replaced until the page is done,
 * never after: a page imported again because its worker died before its job ended keeps its
 * first outcome, and the desk's `queued` arriving after a fast worker's outcome changes nothing.
 */
async function recordFile(strapi: Core.Strapi, runId: string, file: RunFile): Promise<ImportRun> {
  return inImportTransaction(
    strapi,
    `run:${runId}`,
    async (_trx, locks) => {
      await locks.lockKeys([`run\u0000${runId}`]);
      const current = await findRun(strapi, runId);
      const files = current.files ?? [];
      const entry = file.jobId === undefined ? -1 : files.findIndex((recorded) => recorded.jobId === file.jobId);
      if (entry >= 0 && files[entry].status !== 'queued') return current;
      const recorded = {
        files: entry >= 0 ? files.map((earlier, index) => (index === entry ? file : earlier)) : [...files, file],
        totals: file.status === 'failed' ? current.totals : addCounts(current.totals ?? {}, file.counts),
        failed: current.failed + (file.status === 'failed' ? 1 : 0),
      };
      await strapi.db.query(IMPORT_RUN_UID).update({ where: { documentId: runId }, data: recorded });
      // Not read again: every writer of the run holds its lock, so what was written is what it holds.
      return withPending({ ...current, ...recorded });
    },
    'keys',
  );
}

/**
 * Imports one page into a run (pages go one request each, so the admin shows progress) and
 * records it there. A page that fails leaves nothing behind (the importer's transaction) and is
 * recorded with its error.
 */
export async function importIntoRun(strapi: Core.Strapi, reader: PageReader, runId: string, upload: PageUpload): Promise<{ file: FileReport; run: ImportRun }> {
  const { published } = await findRun(strapi, runId);
  const { report, bytes } = await importUpload(strapi, reader, upload, { dryRun: false, publish: published });
  return { file: report, run: await recordFile(strapi, runId, recordedFile(upload.fileName, bytes, report)) };
}

export type DeskImportQueue = ReturnType<typeof deskPageQueue>;

/** The queue the desk's imports go to when the instance has Redis (REDIS_URL); none without. */
export function deskImportQueue(strapi: Core.Strapi): DeskImportQueue | undefined {
  const redis = sharedRedisOf(strapi);
  return redis && deskPageQueue(parseQueueSettings(strapi.config.get('redis')), redis.client);
}

/**
 * Queues one page of a run for the workers (`npm run worker`) and answers at once; the run shows
 * it as queued until a worker records its outcome. The page is checked and its issue date and page
 * resolved here, as for an import in this process, so a page no worker could read is refused now.
 */
export async function enqueueIntoRun(
  strapi: Core.Strapi,
  queue: DeskImportQueue,
  runId: string,
  upload: PageUpload,
): Promise<{ file: null; run: ImportRun }> {
  const { published } = await findRun(strapi, runId);
  const { bytes, text } = pageBytes(upload);
  const meta = await knownPageMeta(strapi, upload.fileName, text, upload);
  const jobId = await queue.enqueue({
    runId,
    fileName: upload.fileName,
    bytes,
    meta: { issueDate: meta.issueDate, page: meta.page },
    publish: published,
    restoreDeleted: upload.restoreDeleted,
  });
  return { file: null, run: await recordFile(strapi, runId, queuedFile({ jobId, file: upload.fileName, bytes }, 'queued', null)) };
}

/** How workers write desk runs' pages into their import-run entries. */
export function deskRunRecorder(strapi: Core.Strapi): DeskRunRecorder {
  return {
    async imported(page, report) {
      await recordFile(strapi, page.runId, { ...recordedFile(page.file, page.bytes, report), jobId: page.jobId });
    },
    async failed(page, error, final) {
      await recordFile(strapi, page.runId, queuedFile(page, final ? 'failed' : 'queued', error));
    },
  };
}

export async function listRuns(strapi: Core.Strapi): Promise<ImportRun[]> {
  const runs = (await strapi.db.query(IMPORT_RUN_UID).findMany({
    select: RUN_FIELDS,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: RUNS_LISTED,
  })) as StoredRun[];
  return runs.map(withPending);
}
