import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { DESK, MERGEABLE, errorMessage } from './api';

interface Alias {
  documentId: string;
  name: string;
}

function AliasesContent({ model, documentId }: { model: string; documentId: string }) {
  const { get, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [aliases, setAliases] = React.useState<Alias[] | null>(null);

  const load = React.useCallback(() => {
    get<{ data: Alias[] }>(`${DESK}/entities/${MERGEABLE[model]}/${documentId}/aliases`)
      .then(({ data }) => setAliases(data.data))
      .catch((error) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
  }, [get, model, documentId, toggleNotification]);
  React.useEffect(load, [load]);

  const unmerge = async (alias: Alias) => {
    try {
      const { data } = await del<{ data: { restored: { name: string; articlesRelinked: number } | null } }>(`${DESK}/aliases/${alias.documentId}`);
      const restored = data.data.restored;
      toggleNotification({
        type: 'success',
        message: restored
          ? `${restored.name}: restored with its links to ${restored.articlesRelinked} articles 已恢复条目及 ${restored.articlesRelinked} 篇文章的链接`
          : `${alias.name}: un-merged; the next import of its pages creates it again 已取消合并，下次导入时重新创建`,
      });
      load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (aliases === null) return <Typography textColor="neutral600">…</Typography>;
  if (aliases.length === 0) return <Typography textColor="neutral600">None 无</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="merged-spellings">
      <Typography variant="pi" textColor="neutral600">Imports link these spellings here. 导入时这些写法链接到本条目。</Typography>
      {aliases.map((alias) => (
        <Flex key={alias.documentId} justifyContent="space-between" gap={2}>
          <Typography>{alias.name}</Typography>
          <Button size="S" variant="tertiary" onClick={() => unmerge(alias)}>Un-merge {alias.name} 取消合并</Button>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * Edit-view side panel of officials, projects and platforms: the spellings merged into the entry,
 * each with its un-merge (the next import that prints the spelling creates its entry again).
 */
export const AliasesPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (!MERGEABLE[model] || !documentId) return null;
  return { title: 'Merged spellings 已合并的写法', content: <AliasesContent model={model} documentId={documentId} /> };
};
