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
  /** Where the first occurrence starts and ends; null when the print does not show it verbatim. */
  firstLine: number | null;
  lastLine: number | null;
  /** Set for what the importer composed rather than read (a platform name built from its host). */
  generated: boolean;
}

export interface PrintedSource {
  fileName: string | null;
  lines: PrintedLine[];
  title: { text: string; generated: boolean };
  marks: Mark[];
}

export interface PrintedArticle {
  title: string;
  titleGenerated: boolean;
  source: { fileName: string | null; firstLine: number | null; rawText: string | null } | null;
  officials: Array<{ name: string }>;
  projects: Array<{ name: string }>;
  researchPlatforms: Array<{ name: string; nameGenerated?: boolean | null }>;
  figures: Array<{ label: string; value: number | string; unit: string | null }>;
}

/** Line number of each character of the lines joined without breaks. */
function lineOfEachCharacter(lines: PrintedLine[]): { joined: string; lineAt: number[] } {
  const lineAt: number[] = [];
  let joined = '';
  for (const line of lines) {
    const text = line.text.replace(/\s/g, '');
    joined += text;
    for (let i = 0; i < text.length; i += 1) lineAt.push(line.number);
  }
  return { joined, lineAt };
}

function locate(kind: MarkKind, text: string, generated: boolean, joined: string, lineAt: number[]): Mark {
  const needle = text.replace(/\s/g, '');
  const at = needle === '' ? -1 : joined.indexOf(needle);
  if (at < 0) return { kind, text, firstLine: null, lastLine: null, generated };
  return { kind, text, firstLine: lineAt[at], lastLine: lineAt[at + needle.length - 1], generated };
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
  const { joined, lineAt } = lineOfEachCharacter(lines);
  const marks: Mark[] = [
    ...article.officials.map((official) => locate('official', official.name, false, joined, lineAt)),
    ...article.projects.map((project) => locate('project', project.name, false, joined, lineAt)),
    ...article.researchPlatforms.map((platform) => locate('researchPlatform', platform.name, platform.nameGenerated === true, joined, lineAt)),
    ...article.figures.map((figure) => ({ ...locate('figure', figureText(figure.value), false, joined, lineAt), text: `${figure.label} ${figureText(figure.value)}${figure.unit ?? ''}` })),
  ];
  return {
    fileName: article.source?.fileName ?? null,
    lines,
    title: { text: article.title, generated: article.titleGenerated },
    marks,
  };
}
