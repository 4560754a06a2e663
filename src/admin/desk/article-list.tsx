import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ARTICLE_UID, DESK, errorMessage } from './api';
import type { ArticleDoubts } from '../../desk/review-queue';

/**
 * The content manager as editors open it: on the articles that need review, with how doubtful each
 * is beside it, and without the desk's bookkeeping types in its menu. Hooks of the content manager
 * (Admin/CM/…), registered in app.tsx.
 */

/** Kept by the desk and shown there (Import page, Deleted articles, an entry's aliases panel). */
const BOOKKEEPING_TYPES = new Set(['api::entity-alias.entity-alias', 'api::import-run.import-run', 'api::tombstone.tombstone']);

/** The article list opens filtered to what awaits review; the filter is a chip an editor removes to see all. */
const NEEDS_REVIEW_FILTER = 'filters[$and][0][reviewStatus][$eq]=needs_review';

export const REVIEW_STATUS_LABELS: Record<string, string> = {
  needs_review: 'Needs review 待审核',
  reviewed: 'Reviewed 已审核',
};

interface CollectionTypeLink {
  uid: string;
  search: string | null;
}

export function articlesFirstAwaitingReview<Link extends CollectionTypeLink>({ ctLinks, models }: { ctLinks: Link[]; models: unknown }) {
  const links = ctLinks
    .filter((link) => !BOOKKEEPING_TYPES.has(link.uid))
    .map((link) => (link.uid === ARTICLE_UID ? { ...link, search: [link.search, NEEDS_REVIEW_FILTER].filter(Boolean).join('&') } : link));
  return { ctLinks: links, models };
}

const onArticleList = () => window.location.pathname.includes(`/collection-types/${ARTICLE_UID}`);

interface Header {
  name: string;
  label: unknown;
  attribute: { type: string };
  searchable?: boolean;
  sortable?: boolean;
  cellFormatter?: (row: { documentId: string } & Record<string, unknown>) => React.ReactNode;
}

export function articleReviewColumns<Layout>({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: Layout }) {
  if (!onArticleList()) return { displayedHeaders, layout };
  const headers = displayedHeaders.map((header) =>
    header.name === 'reviewStatus'
      ? { ...header, cellFormatter: (row: Record<string, unknown>) => <ReviewStatusCell status={String(row.reviewStatus ?? '')} /> }
      : header,
  );
  const doubts: Header = {
    name: 'doubts',
    label: { id: 'newsroom-desk.doubts', defaultMessage: 'Doubtful · flags 存疑 · 待核' },
    attribute: { type: 'custom' },
    searchable: false,
    sortable: false,
    cellFormatter: (row) => <DoubtsCell documentId={row.documentId} />,
  };
  return { displayedHeaders: [...headers, doubts], layout };
}

interface Filter {
  name: string;
  label: string;
  type: string;
  mainField?: { name: string; type: string };
}

/** Review flags are a component, which the content manager offers no filter for: filtered on their code. */
export function reviewFlagFilter<Layout>({ displayedFilters, layout }: { displayedFilters: Filter[]; layout: Layout }) {
  if (!onArticleList()) return { displayedFilters, layout };
  const flags: Filter = {
    name: 'reviewFlags',
    label: 'Review flags 待核事项',
    type: 'relation',
    mainField: { name: 'code', type: 'string' },
  };
  return { displayedFilters: [...displayedFilters, flags], layout };
}

function ReviewStatusCell({ status }: { status: string }) {
  const label = REVIEW_STATUS_LABELS[status] ?? status;
  return status === 'needs_review' ? <Badge backgroundColor="warning100">{label}</Badge> : <Typography>{label}</Typography>;
}

/**
 * The rows of a list page ask together: cells rendered in the same turn share one request. A
 * module-level batch, since the content manager renders each cell on its own.
 */
type Fetch = ReturnType<typeof useFetchClient>['get'];
let batch: { ids: Set<string>; answer: Promise<ArticleDoubts> } | null = null;

function doubtsOf(get: Fetch, documentId: string): Promise<ArticleDoubts> {
  if (!batch) {
    const ids = new Set<string>();
    const answer = new Promise<ArticleDoubts>((resolve, reject) =>
      setTimeout(() => {
        batch = null;
        get<{ data: ArticleDoubts }>(`${DESK}/articles/doubts?documentIds=${[...ids].join(',')}`).then(
          (response) => resolve(response.data.data),
          reject,
        );
      }, 0),
    );
    batch = { ids, answer };
  }
  batch.ids.add(documentId);
  return batch.answer;
}

function DoubtsCell({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [shown, setShown] = React.useState<{ doubtful: number; flags: number } | string | null>(null);
  React.useEffect(() => {
    let current = true;
    doubtsOf(get, documentId)
      .then((doubts) => current && setShown({ doubtful: doubts[documentId]?.doubtful ?? 0, flags: doubts[documentId]?.flags.length ?? 0 }))
      // An author without the desk's permission is refused: the column stays empty for them.
      .catch((error) => current && setShown(errorMessage(error)));
    return () => {
      current = false;
    };
  }, [get, documentId]);
  if (shown === null) return <Typography textColor="neutral500">…</Typography>;
  if (typeof shown === 'string')
    return (
      <Typography textColor="neutral500" title={shown}>
        —
      </Typography>
    );
  return (
    <Flex gap={1} data-testid="article-doubts">
      {shown.doubtful > 0 ? <Badge backgroundColor="warning100">{`${shown.doubtful} doubtful 存疑`}</Badge> : null}
      {shown.flags > 0 ? <Badge backgroundColor="danger100">{`${shown.flags} flags 待核`}</Badge> : null}
      {shown.doubtful === 0 && shown.flags === 0 ? <Typography textColor="neutral500">0</Typography> : null}
    </Flex>
  );
}
