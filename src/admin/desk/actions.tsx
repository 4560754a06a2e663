import * as React from 'react';
import { Badge, Box, Button, Checkbox, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { EntrySummary, MergeCandidate } from '../../desk/attention';
import { ARTICLE_UID, DESK, MERGEABLE, errorMessage } from './api';

type Notify = ReturnType<typeof useNotification>['toggleNotification'];

async function review(post: ReturnType<typeof useFetchClient>['post'], notify: Notify, documentIds: string[], publish: boolean) {
  try {
    await post(`${DESK}/articles/review`, { documentIds, publish });
    notify({ type: 'success', message: publish ? 'Reviewed and published 已审并发布' : 'Marked reviewed 已标记为已审' });
    // The content manager caches the document; reading it again shows the new status.
    window.location.reload();
  } catch (error) {
    notify({ type: 'danger', message: errorMessage(error) });
  }
}

interface EditContext {
  model: string;
  documentId?: string;
}

interface RelatedPublication {
  type: string;
  documentId: string;
  name: string;
  decision: 'publish' | 'up-to-date' | 'editor-edits';
}

const DECISION_LABELS: Record<RelatedPublication['decision'], string> = {
  publish: "Published with the article (the importer's changes) 随文章发布（导入的更新）",
  'up-to-date': 'Already published as it is 已是最新发布版本',
  'editor-edits': "Stays unpublished: an editor's own edits wait in its draft 不发布：草稿中有编辑尚未发布的修改",
};

/** What publishing does to the officials, projects and platforms the articles link, asked before it happens. */
function PublishPlan({ documentIds }: { documentIds: string[] }) {
  const { post } = useFetchClient();
  const [related, setRelated] = React.useState<RelatedPublication[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // Keyed by the ids' text: the list is a new array on every render of the action that made it.
  const ids = documentIds.join(',');
  React.useEffect(() => {
    post<{ data: { related: RelatedPublication[] } }>(`${DESK}/articles/review/plan`, { documentIds: ids.split(',') })
      .then(({ data }) => setRelated(data.data.related))
      .catch((caught) => setError(errorMessage(caught)));
  }, [post, ids]);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!related) return <Typography>Loading 加载中…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="publish-plan">
      <Typography>
        Marks {documentIds.length} article(s) reviewed and publishes them. 标记为已审并发布 {documentIds.length} 篇文章。
      </Typography>
      {(Object.keys(DECISION_LABELS) as Array<RelatedPublication['decision']>).map((decision) => {
        const entries = related.filter((entry) => entry.decision === decision);
        if (entries.length === 0) return null;
        return (
          <Box key={decision}>
            <Typography fontWeight="bold">{DECISION_LABELS[decision]}</Typography>
            <Typography tag="p">{entries.map((entry) => entry.name).join('、')}</Typography>
          </Box>
        );
      })}
    </Flex>
  );
}

const REVIEW_ONLY =
  'Sets the review status only: a published article stays published as it is, a draft stays a draft. 仅更改审核状态：已发布的文章保持发布，不产生待发布修改。';

function reviewDialog(documentIds: string[], publish: boolean, confirm: () => Promise<void>) {
  return {
    type: 'dialog' as const,
    title: publish ? 'Mark reviewed and publish 标记为已审并发布' : 'Mark reviewed 标记为已审',
    content: publish ? <PublishPlan documentIds={documentIds} /> : <Typography>{REVIEW_ONLY}</Typography>,
    confirmLabel: publish ? 'Publish 发布' : 'Mark reviewed 标记为已审',
    onConfirm: confirm,
  };
}

/** The edit view's review action; with `publish`, the article and what it depends on are published in the same request, once confirmed. */
function reviewAction(label: string, publish: boolean) {
  return function ReviewAction({ model, documentId }: EditContext) {
    const { post } = useFetchClient();
    const { toggleNotification } = useNotification();
    if (model !== ARTICLE_UID || !documentId) return null;
    const confirm = () => review(post, toggleNotification, [documentId], publish);
    return {
      label,
      position: 'panel' as const,
      ...(publish ? { dialog: reviewDialog([documentId], true, confirm) } : { onClick: confirm }),
    };
  };
}

export const MarkReviewedAction = reviewAction('Mark reviewed 标记为已审', false);
export const MarkReviewedAndPublishAction = reviewAction('Mark reviewed and publish 标记为已审并发布', true);

function bulkReviewAction(label: string, publish: boolean) {
  return function BulkReviewAction({ model, documents }: { model: string; documents: Array<{ documentId: string }> }) {
    const { post } = useFetchClient();
    const { toggleNotification } = useNotification();
    if (model !== ARTICLE_UID) return null;
    const documentIds = documents.map((document) => document.documentId);
    return { label, dialog: reviewDialog(documentIds, publish, () => review(post, toggleNotification, documentIds, publish)) };
  };
}

export const BulkMarkReviewedAction = bulkReviewAction('Mark reviewed 标记为已审', false);
export const BulkMarkReviewedAndPublishAction = bulkReviewAction('Mark reviewed and publish 标记为已审并发布', true);

interface OwnEntry {
  type: string;
  documentId: string;
  name: string;
}

/** Deleting an article offers to delete the entries only it linked, which would otherwise be left linked by no article. */
function DeleteArticleDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [own, setOwn] = React.useState<OwnEntry[] | null>(null);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  React.useEffect(() => {
    get<{ data: OwnEntry[] }>(`${DESK}/articles/${documentId}/own-entries`)
      .then(({ data }) => {
        setOwn(data.data);
        setChosen(new Set(data.data.map((entry) => entry.documentId)));
      })
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, documentId, toggleNotification]);

  const remove = async () => {
    try {
      await post(`${DESK}/articles/${documentId}/delete`, { alsoDelete: [...chosen] });
      toggleNotification({ type: 'success', message: 'Deleted 已删除' });
      onClose();
      window.location.assign(window.location.pathname.replace(/\/[^/]+$/, ''));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (!own) return <Typography>Loading 加载中…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="delete-article">
      <Typography>
        The article is deleted; later imports of its page leave it deleted. 删除后，再次导入该版面不会重新创建此文章。
      </Typography>
      {own.length > 0 && <Typography fontWeight="bold">Only this article links these entries; delete them too? 以下条目仅由本文关联，是否一并删除？</Typography>}
      {own.map((entry) => (
        <Checkbox
          key={entry.documentId}
          checked={chosen.has(entry.documentId)}
          onCheckedChange={(checked: boolean | 'indeterminate') =>
            setChosen((current) => {
              const next = new Set(current);
              if (checked === true) next.add(entry.documentId);
              else next.delete(entry.documentId);
              return next;
            })
          }
        >
          {entry.name} ({entry.type})
        </Checkbox>
      ))}
      <Flex gap={2}>
        <Button variant="danger" onClick={remove}>Delete 删除</Button>
        <Button variant="tertiary" onClick={onClose}>Cancel 取消</Button>
      </Flex>
    </Flex>
  );
}

export const DeleteArticleAction = ({ model, documentId }: EditContext) => {
  if (model !== ARTICLE_UID || !documentId) return null;
  return {
    label: 'Delete with its own entries 删除文章及其独有条目',
    position: 'panel' as const,
    variant: 'danger' as const,
    dialog: {
      type: 'modal' as const,
      title: 'Delete article 删除文章',
      content: ({ onClose }: { onClose: () => void }) => <DeleteArticleDialog documentId={documentId} onClose={onClose} />,
    },
  };
};

const LIKENESS_LABELS: Record<NonNullable<MergeCandidate['likeness']>, string> = {
  'same-name-variant': 'Same name (spaces or script) 同名异写',
  'one-character-apart': 'One character apart 一字之差',
  'same-surname-and-post': 'Same surname and post 同姓同职务',
};

function EntryCard({ entry, heading }: { entry: EntrySummary; heading: string }) {
  return (
    <Box padding={3} hasRadius borderColor="neutral200" background="neutral100" style={{ flex: 1 }}>
      <Typography variant="sigma">{heading}</Typography>
      <Typography tag="p" fontWeight="bold">{entry.name}</Typography>
      <Typography tag="p">Posts 职务: {entry.posts.join('、') || '—'}</Typography>
      <Typography tag="p">Articles 文章: {entry.articles}</Typography>
      <Typography tag="p">
        Seen 出现: {entry.firstSeen ?? '?'} – {entry.lastSeen ?? '?'}
      </Typography>
    </Box>
  );
}

/** The merge picker: likely duplicates first, then a confirmation with both entries side by side. */
function MergeDialog({ model, documentId, onClose }: { model: string; documentId: string; onClose: () => void }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [query, setQuery] = React.useState('');
  const [entry, setEntry] = React.useState<EntrySummary | null>(null);
  const [candidates, setCandidates] = React.useState<MergeCandidate[]>([]);
  const [chosen, setChosen] = React.useState<MergeCandidate | null>(null);

  React.useEffect(() => {
    get<{ data: { entry: EntrySummary; candidates: MergeCandidate[] } }>(`${DESK}/entities/${MERGEABLE[model]}/${documentId}/candidates`, { params: { q: query } })
      .then(({ data }) => {
        setEntry(data.data.entry);
        setCandidates(data.data.candidates);
      })
      .catch(() => setCandidates([]));
  }, [get, model, documentId, query]);

  const merge = async (into: MergeCandidate) => {
    try {
      await post(`${DESK}/entities/${MERGEABLE[model]}/${documentId}/merge`, { into: into.documentId });
      toggleNotification({ type: 'success', message: `Merged into ${into.name} 已合并` });
      onClose();
      window.location.assign(`${window.location.pathname.replace(/\/[^/]+$/, '')}/${into.documentId}`);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (chosen && entry) {
    return (
      <Flex direction="column" alignItems="stretch" gap={3} data-testid="merge-confirmation">
        <Typography>
          Every article linking {entry.name} will link {chosen.name}; {entry.name} is deleted and remembered as a spelling of{' '}
          {chosen.name} (un-merge from {chosen.name}'s panel). 合并后 {entry.name} 的文章改为关联 {chosen.name}。
        </Typography>
        <Flex gap={3} alignItems="stretch">
          <EntryCard entry={entry} heading="Merged (deleted) 被合并（删除）" />
          <EntryCard entry={chosen} heading="Kept 保留" />
        </Flex>
        <Flex gap={2}>
          <Button variant="danger" onClick={() => merge(chosen)}>Confirm merge 确认合并</Button>
          <Button variant="tertiary" onClick={() => setChosen(null)}>Back 返回</Button>
        </Flex>
      </Flex>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography>
        Pick the entry to keep; likely duplicates come first. 选择保留的条目；疑似重复的条目排在前面。
      </Typography>
      <TextInput
        aria-label="Search entries"
        placeholder="Search 搜索"
        value={query}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.target.value)}
      />
      <Box>
        {candidates.map((candidate) => (
          <Flex key={candidate.documentId} justifyContent="space-between" paddingTop={1} paddingBottom={1} gap={2}>
            <Typography>
              {candidate.name} · {candidate.articles} 篇 {candidate.likeness ? <Badge>{LIKENESS_LABELS[candidate.likeness]}</Badge> : null}
            </Typography>
            <Button size="S" variant="danger-light" onClick={() => setChosen(candidate)}>Merge into {candidate.name} 合并到此</Button>
          </Flex>
        ))}
      </Box>
    </Flex>
  );
}

export const MergeIntoAction = ({ model, documentId }: EditContext) => {
  if (!MERGEABLE[model] || !documentId) return null;
  return {
    label: 'Merge into… 合并到…',
    position: 'panel' as const,
    dialog: {
      type: 'modal' as const,
      title: 'Merge into… 合并到…',
      content: ({ onClose }: { onClose: () => void }) => <MergeDialog model={model} documentId={documentId} onClose={onClose} />,
    },
  };
};
