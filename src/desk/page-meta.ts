import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { PAGE_UID } from '../content-types';
import { isFurniture } from '../importer';
import { IssueDateSchema, pageMetaFor } from '../importer';
import type { PageMeta } from '../importer';

/** Where a page's issue date or page number came from, so the preview can say it. */
export type MetaSource = 'form' | 'page-record' | 'manifest' | 'page-header';

export interface KnownPageMeta extends PageMeta {
  issueDateFrom: MetaSource | null;
  pageFrom: MetaSource | null;
}

/** A header names its issue within its first lines (`A03 要闻 2023年3月25日 星期六`), never deep in the page. */
const HEADER_LINES = 8;
const PRINTED_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const PRINTED_PAGE = /^\s*([A-Z]{1,2}\d{1,3})(?=\s|$)/u;

/** The issue date and page printed in the page's header lines, if it prints them. */
export function headerMeta(text: string): PageMeta {
  const header = text.split(/\r?\n/u).slice(0, HEADER_LINES).filter(isFurniture);
  let issueDate: string | null = null;
  let page: string | null = null;
  for (const line of header) {
    const date = PRINTED_DATE.exec(line);
    if (issueDate === null && date) {
      const iso = `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`;
      if (IssueDateSchema.safeParse(iso).success) issueDate = iso;
    }
    page ??= PRINTED_PAGE.exec(line)?.[1] ?? null;
  }
  return { issueDate, page };
}

/** The seeds folder's manifest knows the pages shipped with the project. */
function manifestMeta(strapi: Core.Strapi, fileName: string): PageMeta {
  return pageMetaFor(path.join(strapi.dirs.app.root, 'seeds', fileName), null);
}

/**
 * What the desk knows of a page before anyone types: what the editor gave, else the page's
 * record from its last import, else `seeds/manifest.json`, else the date printed in the header.
 * An empty form field therefore never clears a date the database holds; the editor is asked only
 * when none of these knows.
 */
export async function knownPageMeta(strapi: Core.Strapi, fileName: string, text: string, given: PageMeta): Promise<KnownPageMeta> {
  const stored = (await strapi.db.query(PAGE_UID).findOne({ where: { fileName }, select: ['issueDate', 'page'] })) as PageMeta | null;
  const candidates: Array<[MetaSource, () => PageMeta]> = [
    ['form', () => given],
    ['page-record', () => stored ?? { issueDate: null, page: null }],
    ['manifest', () => manifestMeta(strapi, fileName)],
    ['page-header', () => headerMeta(text)],
  ];
  const known: KnownPageMeta = { issueDate: null, page: null, issueDateFrom: null, pageFrom: null };
  for (const [source, read] of candidates) {
    if (known.issueDate !== null && known.page !== null) break;
    const meta = read();
    if (known.issueDate === null && meta.issueDate) Object.assign(known, { issueDate: meta.issueDate, issueDateFrom: source });
    if (known.page === null && meta.page) Object.assign(known, { page: meta.page, pageFrom: source });
  }
  return known;
}
