import * as React from 'react';
import { Badge, Box, Button, Dialog, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ARTICLE_UID, DESK, errorMessage } from './api';

interface Position {
  line: number;
  column: number;
}

interface Mark {
  kind: 'official' | 'project' | 'researchPlatform' | 'figure';
  text: string;
  documentId: string | null;
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

const LINK_TYPES: Record<Exclude<Mark['kind'], 'figure'>, { path: string; label: string }> = {
  official: { path: 'officials', label: 'Official 官员' },
  project: { path: 'projects', label: 'Project 项目' },
  researchPlatform: { path: 'research-platforms', label: 'Platform 平台' },
};

/** The text selected inside the printed lines, on one line, or null. */
function selectedPrintedText(container: HTMLElement | null): string | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || !container.contains(selection.anchorNode)) return null;
  const text = selection.toString().replace(/\s+/gu, '');
  return text.length >= 2 ? text : null;
}

/** Unlinking asks first, and says how to undo it: select the name again and link it. */
function UnlinkButton({ mark, onConfirm }: { mark: Mark; onConfirm: () => void }) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button size="S" variant="ghost" aria-label={`Unlink ${mark.text}`}>
          Unlink 取消关联
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>
          Unlink {mark.text}? 取消关联 {mark.text}？
        </Dialog.Header>
        <Dialog.Body>
          <Typography>
            The article no longer links {mark.text}, and later imports of its page keep it so. To undo, select the name in the
            printed text and link it again. 取消后，再次导入该版面也不会恢复关联；如需恢复，在原文中选中名称重新关联。
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">Cancel 取消</Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button variant="danger-light" onClick={onConfirm}>
              Unlink 取消关联
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

function PrintedSourceContent({ documentId }: { documentId: string }) {
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [source, setSource] = React.useState<PrintedSource | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [linkType, setLinkType] = React.useState<keyof typeof LINK_TYPES>('official');
  const printed = React.useRef<HTMLOListElement>(null);
  // The name is taken when the editor selects it: choosing the type afterwards moves the focus,
  // and the panel shows what it will link.
  const [selected, setSelected] = React.useState<string | null>(null);
  const takeSelection = () => setSelected(selectedPrintedText(printed.current));

  // The edit form holds the article's relations as it loaded them: reloading shows the corrected links.
  const corrected = (message: string) => {
    toggleNotification({ type: 'success', message });
    window.location.reload();
  };
  const unlink = async (mark: Mark) => {
    try {
      await del(`${DESK}/articles/${documentId}/links/${LINK_TYPES[mark.kind as keyof typeof LINK_TYPES].path}/${mark.documentId}`);
      corrected(`Unlinked ${mark.text} 已取消关联`);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    }
  };
  const linkSelection = async () => {
    const name = selectedPrintedText(printed.current) ?? selected;
    if (!name) {
      toggleNotification({ type: 'warning', message: 'Select a name in the printed text first 请先在原文中选中名称' });
      return;
    }
    try {
      await post(`${DESK}/articles/${documentId}/links`, { type: LINK_TYPES[linkType].path, name });
      corrected(`Linked ${name} 已关联`);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: errorMessage(failure) });
    }
  };

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
        <ol ref={printed} onMouseUp={takeSelection} onKeyUp={takeSelection} style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: 13 }}>
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
            {mark.documentId && mark.kind !== 'figure' ? <UnlinkButton mark={mark} onConfirm={() => unlink(mark)} /> : null}
          </li>
        ))}
      </ul>
      <Flex gap={2} wrap="wrap">
        <SingleSelect aria-label="Link as" size="S" value={linkType} onChange={(value) => setLinkType(value as keyof typeof LINK_TYPES)}>
          {Object.entries(LINK_TYPES).map(([kind, { label }]) => (
            <SingleSelectOption key={kind} value={kind}>
              {label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Button size="S" variant="secondary" onClick={linkSelection}>
          Link selected text 关联所选文字
        </Button>
        {selected ? (
          <Typography variant="pi" textColor="neutral600" data-testid="selected-name">
            Selected 已选: {selected}
          </Typography>
        ) : null}
      </Flex>
    </Flex>
  );
}

/** Edit-view side panel: the article as printed, beside the form. */
export const PrintedSourcePanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return { title: 'Printed source 原文', content: <PrintedSourceContent documentId={documentId} /> };
};
