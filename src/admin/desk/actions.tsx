import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
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

/** The edit view's review action; with `publish`, the article is published in the same request. */
function reviewAction(label: string, publish: boolean) {
  return function ReviewAction({ model, documentId }: EditContext) {
    const { post } = useFetchClient();
    const { toggleNotification } = useNotification();
    if (model !== ARTICLE_UID || !documentId) return null;
    return {
      label,
      position: 'panel' as const,
      onClick: () => review(post, toggleNotification, [documentId], publish),
    };
  };
}

export const MarkReviewedAction = reviewAction('Mark reviewed 标记为已审', false);
export const MarkReviewedAndPublishAction = reviewAction('Mark reviewed and publish 标记为已审并发布', true);

export const BulkMarkReviewedAction = ({ model, documents }: { model: string; documents: Array<{ documentId: string }> }) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  if (model !== ARTICLE_UID) return null;
  return {
    label: 'Mark reviewed 标记为已审',
    onClick: () => review(post, toggleNotification, documents.map((document) => document.documentId), false),
  };
};

interface Candidate {
  documentId: string;
  name: string;
}

function MergeDialog({ model, documentId, onClose }: { model: string; documentId: string; onClose: () => void }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [query, setQuery] = React.useState('');
  const [candidates, setCandidates] = React.useState<Candidate[]>([]);

  React.useEffect(() => {
    const params = { page: 1, pageSize: 10, sort: 'name:ASC', ...(query ? { _q: query } : {}) };
    get<{ results: Candidate[] }>(`/content-manager/collection-types/${model}`, { params })
      .then(({ data }) => setCandidates(data.results.filter((candidate) => candidate.documentId !== documentId)))
      .catch(() => setCandidates([]));
  }, [get, model, documentId, query]);

  const merge = async (into: Candidate) => {
    try {
      await post(`${DESK}/entities/${MERGEABLE[model]}/${documentId}/merge`, { into: into.documentId });
      toggleNotification({ type: 'success', message: `Merged into ${into.name} 已合并` });
      onClose();
      window.location.assign(`${window.location.pathname.replace(/\/[^/]+$/, '')}/${into.documentId}`);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography>
        Pick the entry to keep. Links move to it, this entry is deleted, and its name becomes an alias that later
        imports link to the kept entry. 选择保留的条目；本条目将被删除，其名称作为别名保留。
      </Typography>
      <input aria-label="Search entries" placeholder="Search 搜索" value={query} onChange={(event) => setQuery(event.target.value)} />
      <Box>
        {candidates.map((candidate) => (
          <Flex key={candidate.documentId} justifyContent="space-between" paddingTop={1} paddingBottom={1}>
            <Typography>{candidate.name}</Typography>
            <Button size="S" variant="danger-light" onClick={() => merge(candidate)}>Merge into {candidate.name} 合并到此</Button>
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
