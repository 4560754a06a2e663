import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { ENTITY_TYPE_HEADINGS, entryEditLink, useEntityLists } from './api';

interface Orphan {
  type: string;
  documentId: string;
  name: string;
}


/** Entries no article links any more (their articles were deleted): to delete, or to link again. */
export function OrphansPanel() {
  const { lists: orphans, error } = useEntityLists<Orphan>('orphans');

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="orphans">
      <Typography variant="delta" tag="h2">Linked by no article 无文章关联的条目</Typography>
      {error && <Typography textColor="danger600">{error}</Typography>}
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {Object.entries(ENTITY_TYPE_HEADINGS).map(([type, heading]) => (
          <Box key={type}>
            <Typography fontWeight="bold">
              {heading}: {orphans[type]?.length ?? 0}
            </Typography>{' '}
            {(orphans[type] ?? []).map((orphan) => (
              <Link key={orphan.documentId} href={entryEditLink(type, orphan.documentId)} style={{ marginRight: 8 }}>
                {orphan.name}
              </Link>
            ))}
          </Box>
        ))}
      </Flex>
    </Box>
  );
}
