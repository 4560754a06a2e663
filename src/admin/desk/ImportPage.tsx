import * as React from 'react';
import { Badge, Box, Button, Checkbox, DatePicker, Flex, TextInput, Textarea, Typography, VisuallyHidden } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  DESK,
  FIELD_LABELS,
  META_SOURCE_LABELS,
  TYPE_LABELS,
  errorMessage,
  fileContent,
  shortValue,
  textContent,
  type ImportRun,
  type PagePreview,
  type TypeCounts,
} from './api';
import { AttentionPanel, DeletedArticlesPanel } from './DeskLists';
import { DeskTable } from './DeskTable';
import { OrphansPanel } from './OrphansPanel';

/** Each file has its own issue date and page: a batch mixes issues and pages. Empty means "what the desk knows". */
interface PendingFile {
  fileName: string;
  content: string;
  issueDate: string;
  page: string;
  preview: PagePreview | null;
  error: string | null;
}

const newFile = (fileName: string, content: string): PendingFile => ({ fileName, content, issueDate: '', page: '', preview: null, error: null });

/**
 * An issue date is a calendar day (YYYY-MM-DD); the date picker works at the browser's local
 * midnight, so the day is read and written in local time, never through UTC (`new Date('2023-03-04')`
 * is UTC midnight: the day before, west of Greenwich).
 */
const localDay = (day: string): Date | undefined => {
  const [year, month, date] = day.split('-').map(Number);
  return year && month && date ? new Date(year, month - 1, date) : undefined;
};
const dayOf = (date: Date): string =>
  [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');

/** How often a queued run is read again while workers import its pages. */
const QUEUED_RUN_POLL_MS = 2000;

const TYPES = ['Page', 'Official', 'Project', 'ResearchPlatform', 'Article'];
function CountsTable({ counts, label }: { counts: Record<string, TypeCounts>; label: string }) {
  return (
    <Box marginTop={2}>
      <DeskTable
        label={label}
        heads={['', 'created 新建', 'updated 更新', 'unchanged 未变', 'kept for editor 保留编辑修改']}
        rows={TYPES.filter((type) => counts[type]).map((type) => ({
          key: type,
          cells: [type, counts[type].create, counts[type].update, counts[type].unchanged, counts[type].keptForEditor],
        }))}
      />
    </Box>
  );
}

function FileMeta({ file, onChange }: { file: PendingFile; onChange: (change: Partial<PendingFile>) => void }) {
  const meta = file.preview?.meta;
  const issueDay = React.useMemo(() => localDay(file.issueDate), [file.issueDate]);
  return (
    <Flex gap={4} wrap="wrap" alignItems="center">
      <Flex gap={2} alignItems="center">
        <Typography variant="pi" fontWeight="bold">Issue date 出版日期</Typography>
        <DatePicker
          aria-label={`Issue date of ${file.fileName}`}
          size="S"
          value={issueDay}
          onChange={(date) => onChange({ issueDate: date ? dayOf(date) : '', preview: null })}
          onClear={() => onChange({ issueDate: '', preview: null })}
          clearLabel="Clear 清除"
        />
      </Flex>
      <Flex gap={2} alignItems="center">
        <Typography variant="pi" fontWeight="bold">Page 版次</Typography>
        <TextInput
          aria-label={`Page of ${file.fileName}`}
          size="S"
          value={file.page}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ page: event.target.value, preview: null })}
        />
      </Flex>
      {meta && (
        <Typography variant="pi" textColor="neutral600">
          {meta.issueDateFrom ? `Issue date ${META_SOURCE_LABELS[meta.issueDateFrom]}` : ''}
          {meta.pageFrom ? ` · page ${META_SOURCE_LABELS[meta.pageFrom]}` : ''}
        </Typography>
      )}
      {meta && meta.issueDate === null && (
        <Typography textColor="warning600" data-testid="date-unknown">
          No issue date is known for this page: enter it, or the articles import without one. 此版面出版日期未知，请填写。
        </Typography>
      )}
    </Flex>
  );
}

/** Pages dropped from the desktop, or chosen with the button: the file input stays for keyboards and tests. */
function PageDropZone({ onFiles }: { onFiles: (files: FileList | null) => void }) {
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  return (
    <Box
      data-testid="page-drop-zone"
      padding={6}
      hasRadius
      background={over ? 'primary100' : 'neutral100'}
      borderColor={over ? 'primary600' : 'neutral300'}
      borderStyle="dashed"
      borderWidth="1px"
      onDragOver={(event: React.DragEvent) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event: React.DragEvent) => {
        event.preventDefault();
        setOver(false);
        onFiles(event.dataTransfer.files);
      }}
    >
      <Flex direction="column" gap={2}>
        <Typography variant="omega" fontWeight="bold">Drop page files (.txt) here 将版面文件拖放到此处</Typography>
        <Button variant="secondary" onClick={() => input.current?.click()}>Choose files 选择文件</Button>
        <VisuallyHidden>
          <input ref={input} type="file" multiple accept=".txt,text/plain" aria-label="Page files" onChange={(event) => onFiles(event.target.files)} />
        </VisuallyHidden>
      </Flex>
    </Box>
  );
}

function Preview({ file }: { file: PendingFile }) {
  if (file.error) {
    return <Typography textColor="danger600" data-testid="file-error">{file.error}</Typography>;
  }
  const report = file.preview;
  if (!report) return null;
  const articles = report.changes.filter((change) => change.type === 'Article');
  const nameOf = (type: string, key: string) => (type === 'Article' ? (report.titles[key] ?? key) : key);
  const updates = report.changes.filter((change) => change.changed.length > 0);
  return (
    <Box>
      {report.clears.length > 0 && (
        <Box background="danger100" padding={3} hasRadius marginBottom={2} data-testid="clears-warning">
          <Typography fontWeight="bold" textColor="danger700">This import would empty stored values 此次导入将清空已有内容:</Typography>
          {report.clears.map((clear) => (
            <Typography tag="p" key={`${clear.type}-${clear.key}-${clear.field}`}>
              {TYPE_LABELS[clear.type] ?? clear.type} {nameOf(clear.type, clear.key)} — {FIELD_LABELS[clear.field] ?? clear.field}: {shortValue(clear.from)} → (empty 空)
            </Typography>
          ))}
        </Box>
      )}
      <DeskTable
        label={`Preview of ${report.file}`}
        heads={['Article 文章', 'Action 操作', 'Fields 字段']}
        rows={[
          ...articles.map((change) => ({
            key: change.key,
            cells: [
              report.titles[change.key] ?? change.key,
              <Badge>{change.action}</Badge>,
              change.fields.join(', ') + (change.keptForEditor.length > 0 ? ` (kept for editor 保留: ${change.keptForEditor.join(', ')})` : ''),
            ],
          })),
          ...report.deleted.map((article) => ({
            key: `deleted-${article.key}`,
            cells: [article.title, <Badge>deleted by an editor 已删除</Badge>, 'not re-created 不会重新创建'],
          })),
        ]}
      />
      {updates.length > 0 && (
        <Box marginTop={2}>
          <DeskTable
            label={`Changes in ${report.file}`}
            heads={['Entry 条目', 'Field 字段', 'Now 现值', 'After import 导入后']}
            rows={updates.flatMap((change) =>
              change.changed.map((field) => ({
                key: `${change.type}-${change.key}-${field.field}`,
                cells: [
                  `${TYPE_LABELS[change.type] ?? change.type} ${nameOf(change.type, change.key)}`,
                  FIELD_LABELS[field.field] ?? field.field,
                  shortValue(field.from),
                  shortValue(field.to),
                ],
              })),
            )}
          />
        </Box>
      )}
      <CountsTable counts={report.counts} label={`Counts for ${report.file}`} />
      {report.unassigned.length > 0 && (
        <Box marginTop={2}>
          <Typography variant="delta">Unassigned text 未归属文字</Typography>
          {report.unassigned.map((text) => (
            <Box key={`${text.lines.first}`} marginTop={1}>
              <Typography variant="pi" textColor="neutral600">
                lines {text.lines.first}–{text.lines.last}: {text.reason}
              </Typography>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text.text}</pre>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

function RunHistory({ runs }: { runs: ImportRun[] }) {
  return (
    <DeskTable
      label="Import runs"
      heads={['When 时间', 'Who 操作人', 'Files 文件', 'Articles created/updated 文章', 'Failed 失败']}
      rows={runs.map((run) => ({
        key: run.documentId,
        cells: [
          new Date(run.createdAt).toLocaleString(),
          run.startedBy,
          <Box>
            {run.files.map((file) => (
              <Typography tag="div" key={`${file.fileName}-${file.sha256}`}>
                {file.fileName} <code title={file.sha256}>{file.sha256.slice(0, 12)}</code> {file.status}
                {file.error ? <Typography textColor="danger600"> {file.error}</Typography> : null}
                {file.warnings.length > 0 ? ` · ${file.warnings.length} warning(s)` : ''}
              </Typography>
            ))}
          </Box>,
          run.totals.Article ? `${run.totals.Article.create} / ${run.totals.Article.update}` : '0 / 0',
          run.failed,
        ],
      }))}
    />
  );
}

const ImportPage = () => {
  const { get, post } = useFetchClient();
  const [files, setFiles] = React.useState<PendingFile[]>([]);
  const [pasted, setPasted] = React.useState('');
  const [pastedName, setPastedName] = React.useState('pasted-page.txt');
  const [publish, setPublish] = React.useState(false);
  const [restoreDeleted, setRestoreDeleted] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = React.useState<ImportRun | null>(null);
  const [runs, setRuns] = React.useState<ImportRun[]>([]);
  const [busy, setBusy] = React.useState(false);

  const loadRuns = React.useCallback(async () => {
    const { data } = await get<{ data: ImportRun[] }>(`${DESK}/runs`);
    setRuns(data.data);
  }, [get]);
  React.useEffect(() => {
    loadRuns().catch(() => setRuns([]));
  }, [loadRuns]);

  // With Redis the workers import the pages: the run is read again, from any instance, until none is queued.
  React.useEffect(() => {
    if (!summary || summary.pending === 0) return undefined;
    const timer = setTimeout(() => {
      get<{ data: ImportRun }>(`${DESK}/runs/${summary.documentId}`)
        .then(({ data }) => {
          setSummary(data.data);
          if (data.data.pending === 0) return loadRuns();
        })
        // A failed read is tried again at the next tick.
        .catch(() => setSummary((current) => current && { ...current }));
    }, QUEUED_RUN_POLL_MS);
    return () => clearTimeout(timer);
  }, [summary, get, loadRuns]);

  // Runs queued before (by this editor or another, on any instance) are listed again until their pages are done.
  React.useEffect(() => {
    if (!runs.some((run) => run.pending > 0)) return undefined;
    // A failed read is tried again at the next tick.
    const timer = setTimeout(() => loadRuns().catch(() => setRuns((current) => [...current])), QUEUED_RUN_POLL_MS);
    return () => clearTimeout(timer);
  }, [runs, loadRuns]);

  // An empty date or page sends null: the desk then uses what it knows and never clears a stored value.
  const upload = (file: PendingFile) => ({
    fileName: file.fileName,
    content: file.content,
    issueDate: file.issueDate || null,
    page: file.page || null,
    restoreDeleted,
  });

  const changeFile = (fileName: string, change: Partial<PendingFile>) =>
    setFiles((current) => current.map((file) => (file.fileName === fileName ? { ...file, ...change, error: null } : file)));

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    const added = await Promise.all([...list].map(async (file) => newFile(file.name, await fileContent(file))));
    setFiles((current) => [...current.filter((f) => !added.some((a) => a.fileName === f.fileName)), ...added]);
    setSummary(null);
  };

  const addPasted = () => {
    if (pasted.trim() === '') return;
    setFiles((current) => [...current.filter((f) => f.fileName !== pastedName), newFile(pastedName, textContent(pasted))]);
    setPasted('');
    setSummary(null);
  };

  // The preview fills each file's empty date and page with what the desk knows, for the editor to check.
  const previewAll = async () => {
    setBusy(true);
    const previewed: PendingFile[] = [];
    for (const file of files) {
      try {
        const { data } = await post<{ data: PagePreview }>(`${DESK}/preview`, upload(file));
        const { meta } = data.data;
        previewed.push({ ...file, issueDate: file.issueDate || (meta.issueDate ?? ''), page: file.page || (meta.page ?? ''), preview: data.data, error: data.data.error });
      } catch (error) {
        previewed.push({ ...file, preview: null, error: errorMessage(error) });
      }
    }
    setFiles(previewed);
    setBusy(false);
  };

  const confirm = async () => {
    setBusy(true);
    const importable = files.filter((file) => file.preview && !file.error);
    try {
      const { data: started } = await post<{ data: ImportRun }>(`${DESK}/runs`, { publish });
      let run = started.data;
      setProgress({ done: 0, total: importable.length });
      for (const [index, file] of importable.entries()) {
        const { data } = await post<{ data: { run: ImportRun } }>(`${DESK}/runs/${run.documentId}/files`, upload(file));
        run = data.data.run;
        setProgress({ done: index + 1, total: importable.length });
      }
      setSummary(run);
      setFiles([]);
      await loadRuns();
    } catch (error) {
      setSummary(null);
      setFiles((current) => current.map((file) => ({ ...file, error: file.error ?? errorMessage(error) })));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const previewed = files.length > 0 && files.every((file) => file.preview || file.error);
  return (
    <Page.Main>
      <Page.Title>Import pages 导入版面</Page.Title>
      <Layouts.Header
        title="Import pages 导入版面"
        subtitle="Preview what a page brings before anything is written; imports never overwrite an editor's changes. 先预览，再导入；编辑的修改不会被覆盖。"
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Flex direction="column" alignItems="stretch" gap={3}>
              <PageDropZone onFiles={addFiles} />
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Typography variant="omega" fontWeight="bold">Or paste a page 或粘贴版面文字</Typography>
                <Textarea aria-label="Page text" value={pasted} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setPasted(event.target.value)} />
              </Flex>
              <Flex gap={2}>
                <TextInput
                  aria-label="Pasted file name"
                  value={pastedName}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setPastedName(event.target.value)}
                />
                <Button variant="secondary" onClick={addPasted} disabled={pasted.trim() === ''}>Add pasted text 添加粘贴文字</Button>
              </Flex>
              <Flex gap={4}>
                <Checkbox checked={publish} onCheckedChange={(checked: boolean | 'indeterminate') => setPublish(checked === true)}>
                  Publish 直接发布
                </Checkbox>
                <Checkbox checked={restoreDeleted} onCheckedChange={(checked: boolean | 'indeterminate') => setRestoreDeleted(checked === true)}>
                  Restore deleted articles 恢复已删除文章
                </Checkbox>
              </Flex>
              <Typography variant="pi" textColor="neutral600">
                Pages up to 512 KiB and 50,000 lines, plain text (UTF-8, GB18030, Big5, UTF-16), read one page per
                request. When several editors import at once the desk may answer that it is busy: try again a few
                seconds later. 每个文件不超过 512 KiB、50,000 行的纯文本，逐页读取；多人同时导入时编辑台可能提示繁忙，请稍后重试。
              </Typography>
              <Flex gap={2}>
                <Button onClick={previewAll} disabled={files.length === 0 || busy}>Preview 预览</Button>
                <Button onClick={confirm} disabled={!previewed || busy || !files.some((file) => file.preview && !file.error)}>
                  {publish ? 'Import and publish 导入并发布' : 'Import as drafts 导入为草稿'}
                </Button>
              </Flex>
              {progress && (
                <Typography role="status">Importing 导入中 {progress.done} / {progress.total}</Typography>
              )}
            </Flex>
          </Box>

          {files.map((file) => (
            <Box key={file.fileName} background="neutral0" padding={4} hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">{file.fileName}</Typography>
              <FileMeta file={file} onChange={(change) => changeFile(file.fileName, change)} />
              <Preview file={file} />
            </Box>
          ))}

          {summary && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="import-summary">
              <Typography variant="delta" tag="h2">Summary 导入结果</Typography>
              {summary.pending > 0 && (
                <Typography role="status" data-testid="queued-progress">
                  Importing in the queue 队列导入中 {summary.files.length - summary.pending} / {summary.files.length}
                  {summary.failed > 0 ? ` · failed 失败 ${summary.failed}` : ''}
                </Typography>
              )}
              {summary.files.map((file) => (
                <Typography key={file.fileName} tag="p">
                  {file.fileName}:{' '}
                  {file.status === 'queued' ? `queued 排队中${file.error ? ' · will be tried again 将重试' : ''}` : file.status}
                  {file.error ? ` — ${file.error}` : ''}
                </Typography>
              ))}
              <CountsTable counts={summary.totals} label="Summary counts" />
            </Box>
          )}

          <AttentionPanel />
          <OrphansPanel />
          <DeletedArticlesPanel />

          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <Typography variant="delta" tag="h2">Import runs 导入记录</Typography>
            <RunHistory runs={runs} />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ImportPage;
