import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { IMPORT_RUN_UID } from '../content-types';
import { PageError, addCounts, decodePage, inImportTransaction } from '../importer';
import type { FieldValue, FileReport, Importer, TypeCounts } from '../importer';
import { MAX_UPLOAD_BYTES, type PageUpload } from './inputs';
import type { PageReader } from './page-reader';
import { knownPageMeta, type KnownPageMeta } from './page-meta';

/** What a run keeps of each file: enough to tell later what happened, not the page itself. */
export interface RunFile {
  fileName: string;
  sha256: string;
  status: FileReport['status'];
  error: string | null;
  articles: number;
  counts: Record<string, TypeCounts>;
  warnings: string[];
  deleted: string[];
}

export interface ImportRun {
  documentId: string;
  startedBy: string | null;
  published: boolean;
  files: RunFile[];
  totals: Record<string, TypeCounts>;
  failed: number;
  createdAt: string;
}

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

async function findRun(strapi: Core.Strapi, documentId: string): Promise<ImportRun> {
  const run = (await strapi.db.query(IMPORT_RUN_UID).findOne({ where: { documentId }, select: RUN_FIELDS })) as ImportRun | null;
  if (!run) throw new errors.NotFoundError(`Import run ${documentId} does not exist`);
  return run;
}

/**
 * Imports one page into a run (pages go one request each, so the admin shows progress) and
 * records it there. A page that fails leaves nothing behind (the importer's transaction) and is
 * recorded with its error.
 */
export async function importIntoRun(strapi: Core.Strapi, reader: PageReader, runId: string, upload: PageUpload): Promise<{ file: FileReport; run: ImportRun }> {
  const { published } = await findRun(strapi, runId);
  const { report, bytes } = await importUpload(strapi, reader, upload, { dryRun: false, publish: published });
  const recorded: RunFile = {
    fileName: upload.fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    status: report.status,
    error: report.error,
    articles: report.articles,
    counts: report.counts,
    warnings: report.unassigned.map(({ lines, reason }) => `${upload.fileName}:${lines.first}: lines ${lines.first}-${lines.last} ${reason}`),
    deleted: report.deleted.map((article) => article.title),
  };
  // Under the run's lock, so two files recorded into one run at once both stay in its list.
  const run = await inImportTransaction(strapi, `run:${runId}`, async (_trx, locks) => {
    await locks.lockKeys([`run\u0000${runId}`]);
    const current = await findRun(strapi, runId);
    await strapi.db.query(IMPORT_RUN_UID).update({
      where: { documentId: runId },
      data: {
        files: [...(current.files ?? []), recorded],
        totals: report.status === 'failed' ? current.totals : addCounts(current.totals ?? {}, report.counts),
        failed: current.failed + (report.status === 'failed' ? 1 : 0),
      },
    });
    return findRun(strapi, runId);
  }, 'keys');
  return { file: report, run };
}

export async function listRuns(strapi: Core.Strapi): Promise<ImportRun[]> {
  return (await strapi.db.query(IMPORT_RUN_UID).findMany({
    select: RUN_FIELDS,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: RUNS_LISTED,
  })) as ImportRun[];
}
