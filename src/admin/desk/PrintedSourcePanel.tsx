import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ARTICLE_UID, DESK, errorMessage } from './api';

interface Position {
  line: number;
  column: number;
}

interface Mark {
  kind: 'official' | 'project' | 'researchPlatform' | 'figure';
  text: string;
  firstLine: number | null;
  lastLine: number | null;
  start: Position | null;
  end: Position | null;
  generated: boolean;
  confidence: number | null;
  doubtful: boolean;
}

/** Doubtful links (confidence below 0.6) stand apart from every kind's colour. */
const DOUBTFUL_STYLE: React.CSSProperties = { background: '#fcecea', outline: '1px dashed #d02b20' };

/** The stretches of one line each mark covers, so the names themselves are marked and not the whole line. */
function lineSegments(text: string, number: number, marks: Mark[]): Array<{ text: string; mark: Mark | null }> {
  const ranges = marks
    .filter((mark) => mark.start && mark.end && mark.start.line <= number && number <= mark.end.line)
    .map((mark) => ({
      mark,
      from: mark.start!.line === number ? mark.start!.column : 0,
      to: mark.end!.line === number ? mark.end!.column : text.length,
    }))
    .sort((a, b) => a.from - b.from);
  const segments: Array<{ text: string; mark: Mark | null }> = [];
  let at = 0;
  for (const range of ranges) {
    if (range.from < at) continue;
    if (range.from > at) segments.push({ text: text.slice(at, range.from), mark: null });
    segments.push({ text: text.slice(range.from, range.to), mark: range.mark });
    at = range.to;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null });
  return segments;
}

const markStyle = (mark: Mark): React.CSSProperties => (mark.doubtful ? DOUBTFUL_STYLE : { background: KIND_COLOURS[mark.kind] });

interface PrintedSource {
  fileName: string | null;
  lines: Array<{ number: number; text: string }>;
  title: { text: string; generated: boolean };
  marks: Mark[];
}

const KIND_LABELS: Record<Mark['kind'], string> = {
  official: 'Official 官员',
  project: 'Project 项目',
  researchPlatform: 'Platform 平台',
  figure: 'Figure 数据',
};
const KIND_COLOURS: Record<Mark['kind'], string> = {
  official: '#eaf5ff',
  project: '#eafbe7',
  researchPlatform: '#fdf4dc',
  figure: '#f6ecfc',
};

function PrintedSourceContent({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [source, setSource] = React.useState<PrintedSource | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: PrintedSource }>(`${DESK}/articles/${documentId}/printed-source`)
      .then(({ data }) => setSource(data.data))
      .catch((failure) => setError(errorMessage(failure)));
  }, [get, documentId]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!source) return <Typography textColor="neutral600">…</Typography>;

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="printed-source" width="100%">
      {source.title.generated && <Badge>Title generated 标题为自动生成</Badge>}
      <Typography variant="pi" textColor="neutral600">{source.fileName}</Typography>
      <Box maxHeight="420px" overflow="auto" background="neutral100" padding={2} hasRadius>
        <ol style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 13 }}>
          {source.lines.map((line) => (
            <li key={line.number} style={{ display: 'flex', gap: 6 }}>
              <span style={{ color: '#8e8ea9', minWidth: 28, textAlign: 'right' }}>{line.number}</span>
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {lineSegments(line.text, line.number, source.marks).map((segment, index) =>
                  segment.mark ? (
                    <mark
                      key={index}
                      style={{ ...markStyle(segment.mark), color: 'inherit', padding: 0 }}
                      title={`${KIND_LABELS[segment.mark.kind]}: ${segment.mark.text}${segment.mark.confidence !== null ? ` (${segment.mark.confidence})` : ''}`}
                    >
                      {segment.text}
                    </mark>
                  ) : (
                    <React.Fragment key={index}>{segment.text}</React.Fragment>
                  ),
                )}
              </span>
            </li>
          ))}
        </ol>
      </Box>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none', fontSize: 12 }} aria-label="Marks">
        {source.marks.map((mark) => (
          <li key={`${mark.kind}-${mark.text}`} style={{ ...markStyle(mark), padding: '1px 4px', marginBottom: 2 }}>
            {KIND_LABELS[mark.kind]}: {mark.text}{' '}
            {mark.firstLine === null ? '— not found verbatim 原文未见' : `— line ${mark.firstLine}${mark.lastLine !== mark.firstLine ? `–${mark.lastLine}` : ''}`}
            {mark.generated ? ' · generated name 名称为自动生成' : ''}
            {mark.doubtful ? ` · doubtful 存疑 (${mark.confidence})` : ''}
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/** Edit-view side panel: the article as printed, beside the form. */
export const PrintedSourcePanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: 'Printed source 原文', content: <PrintedSourceContent documentId={documentId} /> };
};
