/** The four searchable types and what the index keeps of each published document. */
export const SEARCHABLE = {
  'api::article.article': 'article',
  'api::official.official': 'official',
  'api::project.project': 'project',
  'api::research-platform.research-platform': 'research-platform',
} as const;

export type SearchableUid = keyof typeof SEARCHABLE;
export type EntryKind = (typeof SEARCHABLE)[SearchableUid];

export function isSearchable(uid: string): uid is SearchableUid {
  return uid in SEARCHABLE;
}

export interface SearchEntry {
  kind: EntryKind;
  documentId: string;
  /** An article's title, an entity's name. */
  title: string;
  subtitle: string | null;
  /** An article's body as plain text, a paragraph a line; empty for entities. */
  body: string;
  issueDate: string | null;
  page: string | null;
}

interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

function textOfNode(node: BlockNode): string {
  if (typeof node.text === 'string') return node.text;
  return (node.children ?? []).map(textOfNode).join('');
}

/** The text of a blocks field: one line per top-level block. */
export function plainTextOfBlocks(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  return (blocks as BlockNode[]).map(textOfNode).filter(Boolean).join('\n');
}

/** The fields of each type the index reads, for findOne/findMany `fields`. */
export const INDEXED_FIELDS: Record<SearchableUid, string[]> = {
  'api::article.article': ['title', 'subtitle', 'body', 'issueDate', 'page'],
  'api::official.official': ['name'],
  'api::project.project': ['name'],
  'api::research-platform.research-platform': ['name'],
};

export function entryOf(uid: SearchableUid, document: Record<string, unknown>): SearchEntry {
  const kind = SEARCHABLE[uid];
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  if (kind === 'article') {
    return {
      kind,
      documentId: String(document.documentId),
      title: text(document.title) ?? '',
      subtitle: text(document.subtitle),
      body: plainTextOfBlocks(document.body),
      issueDate: text(document.issueDate),
      page: text(document.page),
    };
  }
  return {
      kind, documentId: String(document.documentId), title: text(document.name) ?? '', subtitle: null, body: '', issueDate: null, page: null,
  };
}
