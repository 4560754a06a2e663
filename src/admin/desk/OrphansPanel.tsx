import * as React from 'react';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { DESK, MERGEABLE, errorMessage } from './api';

interface Orphan {
  type: string;
  documentId: string;
  name: string;
}

const TYPE_HEADINGS: Record<string, string> = {
  officials: 'Officials 官员',
  projects: 'Projects 项目',
  'research-platforms': 'Research platforms 科研平台',
};
const UID_OF = Object.fromEntries(Object.entries(MERGEABLE).map(([uid, type]) => [type, uid]));

/** Entries no article links any more (their articles were deleted): to delete, or to link again. */
export function OrphansPanel() {
  const { get } = useFetchClient();
  const [orphans, setOrphans] = React.useState<Record<string, Orphan[]>>({});
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    Promise.all(Object.keys(TYPE_HEADINGS).map(async (type) => [type, (await get<{ data: Orphan[] }>(`${DESK}/entities/${type}/orphans`)).data.data] as const))
      .then((lists) => setOrphans(Object.fromEntries(lists)))
      .catch((caught) => setError(errorMessage(caught)));
  }, [get]);

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="orphans">
      <Typography variant="delta" tag="h2">Linked by no article 无文章关联的条目</Typography>
      {error && <Typography textColor="danger600">{error}</Typography>}
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {Object.entries(TYPE_HEADINGS).map(([type, heading]) => (
          <Box key={type}>
            <Typography fontWeight="bold">
              {heading}: {orphans[type]?.length ?? 0}
            </Typography>{' '}
            {(orphans[type] ?? []).map((orphan) => (
              <Link key={orphan.documentId} href={`/admin/content-manager/collection-types/${UID_OF[type]}/${orphan.documentId}`} style={{ marginRight: 8 }}>
                {orphan.name}
              </Link>
            ))}
          </Box>
        ))}
      </Flex>
    </Box>
  );
}
