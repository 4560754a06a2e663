import * as React from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

export interface DeskRow {
  key: string;
  cells: React.ReactNode[];
}

/**
 * The desk's tables (previews, counts, runs, the review queue) as the design system draws the
 * content manager's: a grid named by `label`, headings in its caption style, plain values as text.
 */
export function DeskTable({ label, heads, rows }: { label: string; heads: string[]; rows: DeskRow[] }) {
  return (
    <Table aria-label={label} colCount={heads.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {heads.map((head, column) => (
            <Th key={column}>
              <Typography variant="sigma" textColor="neutral600">
                {head}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.key}>
            {row.cells.map((content, column) => (
              <Td key={column} style={{ whiteSpace: 'normal' }}>
                {typeof content === 'string' || typeof content === 'number' ? <Typography>{content}</Typography> : content}
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
