/** The desk's admin routes (src/desk/routes.ts) and the shapes they answer with. */
export const DESK = '/newsroom-desk';
export const DESK_PERMISSION = 'api::newsroom-desk.use';
export const ARTICLE_UID = 'api::article.article';
export const MERGEABLE: Record<string, string> = {
  'api::official.official': 'officials',
  'api::project.project': 'projects',
  'api::research-platform.research-platform': 'research-platforms',
};

export type TypeCounts = { create: number; update: number; unchanged: number; keptForEditor: number };

export interface FileReport {
  file: string;
  status: 'imported' | 'planned' | 'skipped' | 'failed';
  error: string | null;
  articles: number;
  unassigned: Array<{ lines: { first: number; last: number }; text: string; reason: string }>;
  changes: Array<{ type: string; key: string; action: 'create' | 'update' | 'unchanged'; fields: string[]; keptForEditor: string[] }>;
  counts: Record<string, TypeCounts>;
  deleted: Array<{ key: string; title: string }>;
  titles: Record<string, string>;
}

export interface ImportRun {
  documentId: string;
  startedBy: string | null;
  published: boolean;
  files: Array<{ fileName: string; sha256: string; status: string; error: string | null; articles: number; warnings: string[]; deleted: string[] }>;
  totals: Record<string, TypeCounts>;
  failed: number;
  createdAt: string;
}

/** The message Strapi's error JSON carries, or the error's own. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error as Error)?.message ?? String(error);
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
