import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { CONTENT_TYPE_LABELS } from '../../desk/labels';

/** The desk's admin routes (src/desk/routes.ts) and the shapes they answer with. */
export const DESK = '/newsroom-desk';
export const DESK_PERMISSION = 'api::newsroom-desk.use';
export const ARTICLE_UID = 'api::article.article';
export const MERGEABLE: Record<string, string> = {
  'api::official.official': 'officials',
  'api::project.project': 'projects',
  'api::research-platform.research-platform': 'research-platforms',
};

/** The desk's per-type lists (needs attention, linked by no article), by route segment, with their headings. */
export const ENTITY_TYPE_HEADINGS: Record<string, string> = {
  officials: 'Officials 官员',
  projects: 'Projects 项目',
  'research-platforms': 'Research platforms 科研平台',
};
const UID_OF = Object.fromEntries(Object.entries(MERGEABLE).map(([uid, type]) => [type, uid]));
export const entryEditLink = (type: string, documentId: string) => `/admin/content-manager/collection-types/${UID_OF[type]}/${documentId}`;

export type TypeCounts = { create: number; update: number; unchanged: number; keptForEditor: number };

export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
export interface FieldChange {
  field: string;
  from: FieldValue;
  to: FieldValue;
}

export interface FileReport {
  file: string;
  status: 'imported' | 'planned' | 'skipped' | 'failed';
  error: string | null;
  articles: number;
  unassigned: Array<{ lines: { first: number; last: number }; text: string; reason: string }>;
  changes: Array<{ type: string; key: string; action: 'create' | 'update' | 'unchanged'; fields: string[]; changed: FieldChange[]; keptForEditor: string[] }>;
  counts: Record<string, TypeCounts>;
  deleted: Array<{ key: string; title: string }>;
  titles: Record<string, string>;
}

export type MetaSource = 'form' | 'page-record' | 'manifest' | 'page-header';

/** A preview: the dry run, the issue date and page it used and where they came from, and what it would clear. */
export interface PagePreview extends FileReport {
  meta: { issueDate: string | null; page: string | null; issueDateFrom: MetaSource | null; pageFrom: MetaSource | null };
  clears: Array<{ type: string; key: string; field: string; from: FieldValue }>;
}

export const META_SOURCE_LABELS: Record<MetaSource, string> = {
  form: 'as entered 按填写',
  'page-record': "from the page's last import 来自版面记录",
  manifest: 'from seeds/manifest.json 来自清单',
  'page-header': 'printed in the page header 版面页眉',
};

/** The labels the content manager shows, for the fields a preview names (a field of several types takes the last one's). */
export const FIELD_LABELS: Record<string, string> = Object.assign({}, ...Object.values(CONTENT_TYPE_LABELS));

export const TYPE_LABELS: Record<string, string> = {
  Page: 'Page 版面', Official: 'Official 官员', Project: 'Project 项目', ResearchPlatform: 'Research platform 科研平台', Article: 'Article 文章',
};

/** A stored value as one short line: long text and structures are cut, emptiness is said. */
export function shortValue(value: FieldValue): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(empty 空)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export interface ImportRun {
  documentId: string;
  startedBy: string | null;
  published: boolean;
  files: Array<{ fileName: string; sha256: string; status: string; error: string | null; articles: number; warnings: string[]; deleted: string[] }>;
  totals: Record<string, TypeCounts>;
  failed: number;
  /** Files waiting for a worker (instances with Redis queue the desk's imports). */
  pending: number;
  createdAt: string;
}

/** The message Strapi's error JSON carries, or the error's own. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error as Error)?.message ?? String(error);
}

/** One desk list per entity type (`/entities/:type/<list>`), loaded together. */
export function useEntityLists<Entry>(list: string): { lists: Record<string, Entry[]>; error: string | null } {
  const { get } = useFetchClient();
  const [lists, setLists] = React.useState<Record<string, Entry[]>>({});
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    Promise.all(Object.keys(ENTITY_TYPE_HEADINGS).map(async (type) => [type, (await get<{ data: Entry[] }>(`${DESK}/entities/${type}/${list}`)).data.data] as const))
      .then((loaded) => setLists(Object.fromEntries(loaded)))
      .catch((caught) => setError(errorMessage(caught)));
  }, [get, list]);
  return { lists, error };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Pages travel as their bytes, so the server decodes GB18030 or Big5 pages as the CLI does. */
export async function fileContent(file: File): Promise<string> {
  return base64(new Uint8Array(await file.arrayBuffer()));
}

export function textContent(text: string): string {
  return base64(new TextEncoder().encode(text));
}
