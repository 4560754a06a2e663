import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Core } from '@strapi/strapi';
import { PageError } from './errors';
import { ExtractionSchema, type UnassignedText } from './extraction-schema';
import { extractPage, readPage, type ExtractOptions, type PageExtraction, type PageInput } from './extract';
import {
  contributionRows,
  desiredArticle,
  desiredEntity,
  desiredPage,
  needsEveryContribution,
  pageEntityMentions,
  type EntityHistory,
  type EntityMentions,
  type PageMeta,
  type PageSource,
} from './plan/desired';
import { sameValue } from './plan/merge';
import { planRecord, type PlanAction, type PlanEntry } from './plan/plan';
import { ARTICLE_RELATIONS, TYPE_SPECS, type ArticleRelation, type FieldValue, type TypeSpec } from './plan/records';
import { readArticles, readEntities, readStoredPage, type DocumentIndex } from './load/current';
import { applyPlan } from './load/apply';
import { createEntryEventLog, emitEntryEvents, type EntryEvent } from './load/entry-events';
import { entityId, entityOf, readArticlesSay, readOthersSay, sayByEntity, writeContributions, type ContributionChange } from './load/contributions';
import { inImportTransaction, NO_KEY_LOCKS, type ImportLocks } from './load/lock';
import { curationState, forgetDeleted, readAliases, readDeletedKeys } from './load/curation';
import { mentionedNames, withAliases, withoutDeleted } from './plan/curation';
import { pageMetaFor } from './pages/manifest';
import { preparePageStamps, stampPage, unchangedSinceStamp, type PageRun } from './load/page-stamps';
import { rulesFingerprint } from './rules-fingerprint';
import { nextTurnOfEventLoop } from './event-loop';

const ENTITY_SPECS = Object.values(ARTICLE_RELATIONS);

/** Reads a page into its extraction: in this thread by default; the desk's runs on a thread of its own. */
export type PageExtractor = (input: PageInput, options: ExtractOptions) => PageExtraction | Promise<PageExtraction>;

export interface ImportOptions {
  /** Plan only: read the database, write nothing. */
  dryRun: boolean;
  /** Publish what this run creates or updates (editors otherwise review drafts first). */
  publish: boolean;
  /** Overrides the manifest's issue date for every file of the run. */
  issueDate: string | null;
  /** Re-create the articles of these pages that editors deleted (otherwise they stay deleted). */
  restoreDeleted?: boolean;
}

/** One field an update changes, as stored and as it would be written (the importer's comparable values). */
export interface FieldChange {
  field: string;
  from: FieldValue;
  to: FieldValue;
}

export interface PlannedChange {
  type: string;
  key: string;
  action: PlanAction;
  fields: string[];
  /** An update's fields old → new, so an editor sees what changes before it does (empty for a create). */
  changed: FieldChange[];
  keptForEditor: string[];
}

export type TypeCounts = Record<PlanAction | 'keptForEditor', number>;

export interface FileReport {
  file: string;
  /** `skipped`: the file, its rules and its documents are as the last import left them. */
  status: 'imported' | 'planned' | 'skipped' | 'failed';
  error: string | null;
  articles: number;
  /** Printed text that belongs to no article, with its lines; also kept on the page's record. */
  unassigned: UnassignedText[];
  changes: PlannedChange[];
  counts: Record<string, TypeCounts>;
  /** Articles of the page that editors deleted and this run left deleted. */
  deleted: Array<{ key: string; title: string }>;
  /** Each article's title by its key, so a preview names what it would create or update. */
  titles: Record<string, string>;
}

/**
 * What a run of many files returns: counts only, the same size for ten pages or ten thousand.
 * Each file's own report goes to `importFiles`' `onFile` as the run goes; a caller that wants them
 * keeps what it needs of them.
 */
export interface ImportReport {
  /** Files the run went through. */
  fileCount: number;
  /** Files left alone as their last import left them. */
  skipped: number;
  failed: number;
  /** The errors of the first failed files (at most ERRORS_KEPT; each names its file), so a caller can say why without watching every file. */
  firstErrors: string[];
  totals: Record<string, TypeCounts>;
}

/** Enough to show the cause of a broken run (a missing folder, a database down) without an error per page. */
const ERRORS_KEPT = 10;

interface PagePlan {
  entries: PlanEntry[];
  deleted: Array<{ key: string; title: string }>;
  /** Null when the page's articles say what they said last time. */
  contributions: ContributionChange | null;
}

/**
 * Reads what the database holds for the page's documents and decides what to do with each.
 * Editors' curation comes first: articles they deleted are left out, and spellings they merged
 * into another entry are read as that entry.
 */
async function planPage(
  strapi: Core.Strapi,
  printed: PageSource,
  index: DocumentIndex,
  restoreDeleted: boolean,
  locks: ImportLocks,
): Promise<PagePlan> {
  const pageArticleKeys = printed.extraction.articles.map((article) => article.key);
  // Everything the page may touch, before anything of it is read: its record, its articles and
  // every entity it names as printed (merged spellings and dropped entities are locked below).
  const printedNames = mentionedNames(printed.extraction);
  await locks.lockKeys([
    `page\u0000${printed.extraction.source.file}`,
    ...pageArticleKeys.map((key) => `article\u0000${key}`),
    ...Object.entries(ARTICLE_RELATIONS).flatMap(([relation, spec]) =>
      printedNames[relation as ArticleRelation].map((name) => entityId(spec.label, name)),
    ),
  ]);

  const deletedKeys = restoreDeleted ? new Set<string>() : await readDeletedKeys(strapi, pageArticleKeys);
  const kept = withoutDeleted(printed.extraction, deletedKeys);
  const source: PageSource = { ...printed, extraction: withAliases(kept, await readAliases(strapi, mentionedNames(kept))) };
  const deleted = printed.extraction.articles
    .filter((article) => deletedKeys.has(article.key))
    .map(({ key, title }) => ({ key, title }));

  const page = desiredPage(printed);
  const entries: PlanEntry[] = [planRecord(page, await readStoredPage(strapi, page.key, index))];
  const currentArticles = await readArticles(strapi, pageArticleKeys, index);
  await nextTurnOfEventLoop();
  const mentions = pageEntityMentions(source.extraction);
  const saidBefore = await readArticlesSay(strapi, pageArticleKeys);
  const createdEntities: ContributionChange['createdEntities'] = [];

  const describedBySpec = ENTITY_SPECS.map((spec) => {
    const mentioned = mentions.filter((mention) => mention.spec === spec);
    // Entities this page's articles described last time but no longer mention: their share of
    // posts/stage/host from this page must go, or a fixed extraction would never show.
    const mentionedKeys = new Set(mentioned.map((mention) => mention.key));
    const dropped = [...saidBefore.keys()]
      .map(entityOf)
      .filter(({ entityType, entityKey }) => entityType === spec.label && !mentionedKeys.has(entityKey))
      .map(({ entityKey }): EntityMentions => ({ spec, key: entityKey, contributions: {} }));
    return { spec, mentionedKeys, described: [...mentioned, ...dropped] };
  });
  await locks.lockKeys(describedBySpec.flatMap(({ spec, described }) => described.map((mention) => entityId(spec.label, mention.key))));

  for (const { spec, mentionedKeys, described } of describedBySpec) {
    const current = await readEntities(strapi, spec, described.map((mention) => mention.key), index);
    const historyOf = (key: string): EntityHistory | null => {
      const existing = current.get(key);
      if (!existing) return null;
      return { summary: existing.snapshot?.summary ?? null, pageSaid: saidBefore.get(entityId(spec.label, key)) ?? {} };
    };
    const rebuilt = described.filter((mention) => needsEveryContribution(mention, historyOf(mention.key)));
    const othersSaid = await readOthersSay(strapi, spec, rebuilt.map((mention) => mention.key), pageArticleKeys);
    await nextTurnOfEventLoop();

    for (const mention of described) {
      const existing = current.get(mention.key) ?? null;
      if (!existing && !mentionedKeys.has(mention.key)) continue;
      const desired = desiredEntity(mention, historyOf(mention.key), othersSaid.get(mention.key) ?? null);
      if (!desired) continue;
      entries.push(planRecord(desired, existing));
      if (!existing) createdEntities.push({ entityType: spec.label, entityKey: mention.key });
    }
  }

  for (const article of source.extraction.articles) {
    entries.push(planRecord(desiredArticle(article, source), currentArticles.get(article.key) ?? null));
  }
  await nextTurnOfEventLoop();

  const rows = contributionRows(mentions);
  const unchanged = createdEntities.length === 0 && sameValue(Object.fromEntries(sayByEntity(rows)) as never, Object.fromEntries(saidBefore) as never);
  const contributions = unchanged ? null : { articleKeys: pageArticleKeys, rows, createdEntities };
  return { entries, deleted, contributions };
}

function emptyCounts(): TypeCounts {
  return { create: 0, update: 0, unchanged: 0, keptForEditor: 0 };
}

/** `totals` plus `counts`, type by type; a type missing from `totals` starts at zero. */
export function addCounts(totals: Record<string, TypeCounts>, counts: Record<string, TypeCounts>): Record<string, TypeCounts> {
  const sum: Record<string, TypeCounts> = { ...totals };
  for (const [type, typeCounts] of Object.entries(counts)) {
    const before = sum[type] ?? emptyCounts();
    sum[type] = {
      create: before.create + typeCounts.create,
      update: before.update + typeCounts.update,
      unchanged: before.unchanged + typeCounts.unchanged,
      keptForEditor: before.keptForEditor + typeCounts.keptForEditor,
    };
  }
  return sum;
}

function countByType(changes: PlannedChange[]): Record<string, TypeCounts> {
  const counts: Record<string, TypeCounts> = Object.fromEntries(TYPE_SPECS.map((spec: TypeSpec) => [spec.label, emptyCounts()]));
  for (const change of changes) {
    counts[change.type][change.action] += 1;
    if (change.keptForEditor.length > 0) counts[change.type].keptForEditor += 1;
  }
  return counts;
}

function plannedChange(entry: PlanEntry): PlannedChange {
  const fields = Object.keys(entry.data).filter((field) => field !== 'importKey' && field !== 'sourceKey');
  return {
    type: entry.spec.label,
    key: entry.key,
    action: entry.action,
    fields,
    changed: entry.action === 'update' ? fields.map((field) => ({ field, from: entry.previous[field] ?? null, to: entry.data[field] })) : [],
    keptForEditor: entry.keptForEditor,
  };
}

function failure(file: string, error: unknown): FileReport {
  const message = error instanceof PageError ? error.toString() : `${file}: ${(error as Error)?.message ?? String(error)}`;
  return { file, status: 'failed', error: message, articles: 0, unassigned: [], changes: [], counts: countByType([]), deleted: [], titles: {} };
}

/** What a later run reports for a page it skips: the last run's documents, all unchanged. */
function asSkipped(report: FileReport): FileReport {
  const changes = report.changes.map((change) => ({ ...change, action: 'unchanged' as const, fields: [], changed: [] }));
  return { ...report, status: 'skipped', changes, counts: countByType(changes) };
}

export function createImporter(strapi: Core.Strapi) {
  let stampsReady: Promise<void> | null = null;

  /** `page.extraction` satisfies the contract: extractPage returns what ExtractionSchema parsed. */
  async function loadExtraction(
    file: string,
    page: Pick<PageExtraction, 'extraction' | 'rawText'>,
    meta: PageMeta,
    options: ImportOptions,
    run: PageRun | null,
  ): Promise<FileReport> {
    try {
      const source: PageSource = { extraction: page.extraction, rawText: page.rawText, meta };
      const restoreDeleted = options.restoreDeleted ?? false;
      const reportOf = ({ entries, deleted }: PagePlan): FileReport => {
        const changes = entries.map(plannedChange);
        return {
          file,
          status: options.dryRun ? 'planned' : 'imported',
          error: null,
          articles: source.extraction.articles.length,
          unassigned: source.extraction.unassigned,
          changes,
          counts: countByType(changes),
          deleted,
          titles: Object.fromEntries(source.extraction.articles.map((article) => [article.key, article.title])),
        };
      };

      if (options.dryRun) return reportOf(await planPage(strapi, source, new Map(), restoreDeleted, NO_KEY_LOCKS));
      const { report, events } = await inImportTransaction(strapi, `${process.pid}:${file}`, async (trx, locks) => {
        // A fresh index and event log per attempt: a retried transaction must not see documents its rollback undid.
        const index: DocumentIndex = new Map();
        const events = createEntryEventLog();
        const planned = await planPage(strapi, source, index, restoreDeleted, locks);
        if (restoreDeleted) await forgetDeleted(strapi, source.extraction.articles.map((article) => article.key));
        await applyPlan(strapi, trx, planned.entries, index, { publish: options.publish }, events);
        if (planned.contributions) await writeContributions(strapi, planned.contributions);
        const report = reportOf(planned);
        if (run) await stampPage(strapi, trx, run, asSkipped(report));
        return { report, events: events.events() };
      }, 'keys');
      await emitCommitted(events);
      return report;
    } catch (error) {
      return failure(file, error);
    }
  }

  /** The page is in: a subscriber that fails (a webhook's store, an audit log) must not turn it into a failure. */
  async function emitCommitted(events: readonly EntryEvent[]): Promise<void> {
    try {
      await emitEntryEvents(strapi, events);
    } catch (error) {
      strapi.log.error(`Entry events of an import could not be emitted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Loads one page's extraction atomically: either every document of the page is written, or
   * none is. The seam between parser and loader, for callers that extract (or edit) pages
   * themselves; what they pass must still satisfy the contract.
   */
  async function importExtraction(
    file: string,
    page: Pick<PageExtraction, 'extraction' | 'rawText'>,
    meta: PageMeta,
    options: ImportOptions,
  ): Promise<FileReport> {
    let extraction: PageExtraction['extraction'];
    try {
      extraction = ExtractionSchema.parse(page.extraction);
    } catch (error) {
      return failure(file, error);
    }
    return loadExtraction(file, { extraction, rawText: page.rawText }, meta, options, null);
  }

  /**
   * Extracts and imports one page atomically, unless the page, the rules and the page's
   * documents are as its last import left them: then nothing would change, and it is skipped.
   * A dry run always plans, to show what the importer thinks of the page; a run restoring deleted
   * articles always imports, since the deletions it undoes left the page's documents as stamped.
   * `extract` reads the page, only when it is not skipped.
   */
  async function importPage(input: PageInput, meta: PageMeta, options: ImportOptions, extract: PageExtractor = extractPage): Promise<FileReport> {
    let run: PageRun | null = null;
    if (!options.dryRun) {
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      try {
        stampsReady ??= preparePageStamps(strapi);
        await stampsReady;
        const curation = await curationState(strapi);
        run = { fileName: basename(input.file), sha256, meta, publish: options.publish, rules: rulesFingerprint(), curation };
        const unchanged = options.restoreDeleted ? null : await unchangedSinceStamp<FileReport>(strapi, run);
        if (unchanged) return { ...unchanged, file: input.file };
      } catch (error) {
        stampsReady = null;
        return failure(input.file, error);
      }
    }

    let page: PageExtraction;
    try {
      page = await extract(input, { issueDate: meta.issueDate });
    } catch (error) {
      return failure(input.file, error);
    }
    return loadExtraction(input.file, page, meta, options, run);
  }

  /**
   * Imports files one by one; a failing file is reported and the others still import. Each
   * file's report goes to `onFile` and is not kept: the run holds its counts only, so its memory
   * does not grow with the number of files.
   */
  async function importFiles(
    paths: string[],
    options: ImportOptions,
    onFile?: (report: FileReport, done: number, total: number) => void,
  ): Promise<ImportReport> {
    const run: ImportReport = { fileCount: 0, skipped: 0, failed: 0, firstErrors: [], totals: countByType([]) };
    for (const path of paths) {
      let report: FileReport;
      try {
        report = await importPage(readPage(path), pageMetaFor(path, options.issueDate), options);
      } catch (error) {
        report = failure(path, error);
      }
      run.fileCount += 1;
      run.totals = addCounts(run.totals, report.counts);
      if (report.status === 'skipped') run.skipped += 1;
      if (report.status === 'failed') {
        run.failed += 1;
        if (report.error && run.firstErrors.length < ERRORS_KEPT) run.firstErrors.push(report.error);
      }
      onFile?.(report, run.fileCount, paths.length);
    }
    return run;
  }

  return { importExtraction, importPage, importFiles };
}

export type Importer = ReturnType<typeof createImporter>;
