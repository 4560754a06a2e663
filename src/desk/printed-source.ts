/**
 * The article as printed, line by line, with where each linked entity and figure was found, so
 * an editor checks the extraction against the print. Names broken across column lines
 * (`周立\n新`) are found in the lines joined without breaks, as the parser reads them.
 */
export type MarkKind = 'official' | 'project' | 'researchPlatform' | 'figure';

export interface PrintedLine {
  number: number;
  text: string;
}

export interface Mark {
  kind: MarkKind;
  text: string;
  /** The linked entry, for the panel to unlink it; null for figures. */
  documentId: string | null;
  /** Where the first occurrence starts and ends; null when the print does not show it verbatim. */
  firstLine: number | null;
  lastLine: number | null;
  /** Where the name itself starts and ends in its lines (0-based, the end exclusive), to mark it and not the whole line. */
  start: { line: number; column: number } | null;
  end: { line: number; column: number } | null;
  /** Set for what the importer composed rather than read (a platform name built from its host). */
  generated: boolean;
  /** How sure the importer is of this link (0..1); null for figures and links an editor made. */
  confidence: number | null;
  /** Below 0.6: the panel colours it apart. */
  doubtful: boolean;
}

export interface PrintedSource {
  fileName: string | null;
  lines: PrintedLine[];
  title: { text: string; generated: boolean };
  marks: Mark[];
}

interface LinkedEntity {
  documentId: string;
  name: string;
  /** How sure the importer is of the link (its entity contribution's confidence), when it made it. */
  confidence?: number | null;
}

export interface PrintedArticle {
  title: string;
  titleGenerated: boolean;
  source: { fileName: string | null; firstLine: number | null; rawText: string | null } | null;
  officials: LinkedEntity[];
  projects: LinkedEntity[];
  researchPlatforms: Array<LinkedEntity & { nameGenerated?: boolean | null }>;
  figures: Array<{ label: string; value: number | string; unit: string | null }>;
}

/** Below this the importer is unsure of a link. */
const DOUBTFUL_BELOW = 0.6;

interface Position {
  line: number;
  column: number;
}

/**
 * Where each UTF-16 unit of the lines joined without breaks or spaces stands in the printed lines
 * (columns in UTF-16 units too, as the panel slices a line).
 */
function positionOfEachCharacter(lines: PrintedLine[]): { joined: string; positionAt: Position[] } {
  const positionAt: Position[] = [];
  let joined = '';
  for (const line of lines) {
    let column = 0;
    for (const character of line.text) {
      if (!/\s/u.test(character)) {
        joined += character;
        for (let unit = 0; unit < character.length; unit += 1) positionAt.push({ line: line.number, column: column + unit });
      }
      column += character.length;
    }
  }
  return { joined, positionAt };
}

function locate(
  kind: MarkKind,
  text: string,
  documentId: string | null,
  generated: boolean,
  confidence: number | null,
  joined: string,
  positionAt: Position[],
): Mark {
  const needle = text.replace(/\s/g, '');
  const at = needle === '' ? -1 : joined.indexOf(needle);
  const doubtful = confidence !== null && confidence < DOUBTFUL_BELOW;
  if (at < 0) return { kind, text, documentId, firstLine: null, lastLine: null, start: null, end: null, generated, confidence, doubtful };
  const first = positionAt[at];
  const last = positionAt[at + needle.length - 1];
  return {
    kind,
    text,
    documentId,
    firstLine: first.line,
    lastLine: last.line,
    start: first,
    end: { line: last.line, column: last.column + 1 },
    generated,
    confidence,
    doubtful,
  };
}

/** Figures print as digits (`120家`); the stored value is a number, so `120` is what is searched. */
function figureText(value: number | string): string {
  const number = Number(value);
  return Number.isFinite(number) ? String(number) : String(value);
}

export function printedSource(article: PrintedArticle): PrintedSource {
  const firstLine = article.source?.firstLine ?? 1;
  const raw = article.source?.rawText ?? '';
  const lines = raw === '' ? [] : raw.split('\n').map((text, index) => ({ number: firstLine + index, text }));
  const { joined, positionAt } = positionOfEachCharacter(lines);
  const marks: Mark[] = [
    ...article.officials.map((official) => locate('official', official.name, official.documentId, false, official.confidence ?? null, joined, positionAt)),
    ...article.projects.map((project) => locate('project', project.name, project.documentId, false, project.confidence ?? null, joined, positionAt)),
    ...article.researchPlatforms.map((platform) =>
      locate('researchPlatform', platform.name, platform.documentId, platform.nameGenerated === true, platform.confidence ?? null, joined, positionAt),
    ),
    ...article.figures.map((figure) => ({
      ...locate('figure', figureText(figure.value), null, false, null, joined, positionAt),
      text: `${figure.label} ${figureText(figure.value)}${figure.unit ?? ''}`,
    })),
  ];
  return {
    fileName: article.source?.fileName ?? null,
    lines,
    title: { text: article.title, generated: article.titleGenerated },
    marks,
  };
}
