import * as React from 'react';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { DESK, ENTITY_TYPE_HEADINGS, entryEditLink, errorMessage, useEntityLists } from './api';


type Reason = 'low-confidence' | 'generated-name' | 'one-article' | 'likely-duplicate';
const REASON_LABELS: Record<Reason, string> = {
  'low-confidence': 'Low confidence 置信度低',
  'generated-name': 'Generated name 名称为自动生成',
  'one-article': 'One article only 仅一篇文章',
  'likely-duplicate': 'Likely duplicate 疑似重复',
};

interface AttentionEntry {
  documentId: string;
  name: string;
  articles: number;
  reasons: Reason[];
}

/** Officials, projects and platforms worth a look: the importer was unsure, made the name up, or another entry is likely the same. */
export function AttentionPanel() {
  const { lists, error } = useEntityLists<AttentionEntry>('attention');

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="needs-attention">
      <Typography variant="delta" tag="h2">Needs attention 待核对的条目</Typography>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {Object.entries(ENTITY_TYPE_HEADINGS).map(([type, heading]) => {
        // One article only is the common case on a new database: listed only beside another reason.
        const entries = (lists[type] ?? []).filter((entry) => entry.reasons.some((reason) => reason !== 'one-article'));
        return (
          <Box key={type} paddingTop={2}>
            <Typography fontWeight="bold">
              {heading}: {entries.length}
            </Typography>
            {entries.map((entry) => (
              <Flex key={entry.documentId} gap={2} paddingTop={1}>
                <Link href={entryEditLink(type, entry.documentId)}>{entry.name}</Link>
                {entry.reasons.map((reason) => (
                  <Badge key={reason}>{REASON_LABELS[reason]}</Badge>
                ))}
              </Flex>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}

interface DeletedArticle {
  documentId: string;
  title: string | null;
  fileName: string | null;
  createdAt: string;
}

/** Articles editors deleted; restoring one brings it back as it was. */
export function DeletedArticlesPanel() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [deleted, setDeleted] = React.useState<DeletedArticle[]>([]);
  const load = React.useCallback(async () => {
    const { data } = await get<{ data: DeletedArticle[] }>(`${DESK}/tombstones`);
    setDeleted(data.data);
  }, [get]);
  React.useEffect(() => {
    load().catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [load, toggleNotification]);

  const restore = async (article: DeletedArticle) => {
    try {
      const { data } = await post<{ data: { restored: { documentId: string } | null } }>(`${DESK}/tombstones/${article.documentId}/restore`, {});
      toggleNotification({
        type: 'success',
        message: data.data.restored
          ? `${article.title}: restored as it was 已恢复`
          : `${article.title}: import ${article.fileName} again to bring it back 重新导入该版面即可恢复`,
      });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="deleted-articles">
      <Typography variant="delta" tag="h2">Deleted articles 已删除的文章</Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        Imports leave these deleted. Restore brings one back as it was, links included; the others stay deleted.
        导入时不会重新创建；点“恢复”即按原样恢复这一篇（含链接），其余仍保持删除。
      </Typography>
      {deleted.map((article) => (
        <Flex key={article.documentId} gap={2} paddingTop={1}>
          <Typography>
            {article.title} · {article.fileName} · {new Date(article.createdAt).toLocaleString()}
          </Typography>
          <Button size="S" variant="secondary" onClick={() => restore(article)}>
            Restore 恢复
          </Button>
        </Flex>
      ))}
    </Box>
  );
}
