import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ARTICLE_UID, DESK, errorMessage } from './api';

interface Mark {
  kind: 'official' | 'project' | 'researchPlatform' | 'figure';
  text: string;
  firstLine: number | null;
  lastLine: number | null;
  generated: boolean;
}

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

  const marksOn = (line: number) => source.marks.filter((mark) => mark.firstLine !== null && mark.firstLine <= line && line <= (mark.lastLine ?? mark.firstLine));
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="printed-source" width="100%">
      {source.title.generated && <Badge>Title generated 标题为自动生成</Badge>}
      <Typography variant="pi" textColor="neutral600">{source.fileName}</Typography>
      <Box maxHeight="420px" overflow="auto" background="neutral100" padding={2} hasRadius>
        <ol style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 13 }}>
          {source.lines.map((line) => {
            const marks = marksOn(line.number);
            return (
              <li key={line.number} style={{ display: 'flex', gap: 6, background: marks.length > 0 ? KIND_COLOURS[marks[0].kind] : undefined }}>
                <span style={{ color: '#8e8ea9', minWidth: 28, textAlign: 'right' }}>{line.number}</span>
                <span style={{ whiteSpace: 'pre-wrap' }}>{line.text}</span>
              </li>
            );
          })}
        </ol>
      </Box>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none', fontSize: 12 }} aria-label="Marks">
        {source.marks.map((mark) => (
          <li key={`${mark.kind}-${mark.text}`} style={{ background: KIND_COLOURS[mark.kind], padding: '1px 4px', marginBottom: 2 }}>
            {KIND_LABELS[mark.kind]}: {mark.text}{' '}
            {mark.firstLine === null ? '— not found verbatim 原文未见' : `— line ${mark.firstLine}${mark.lastLine !== mark.firstLine ? `–${mark.lastLine}` : ''}`}
            {mark.generated ? ' · generated name 名称为自动生成' : ''}
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
