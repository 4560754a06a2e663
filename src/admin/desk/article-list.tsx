import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { InputRenderer, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ARTICLE_UID, DESK, errorMessage } from './api';
import type { ArticleDoubts } from '../../desk/review-queue';
import { chineseOf } from '../../desk/labels';

/**
 * The content manager as editors open it: on the articles that need review, with how doubtful each
 * is beside it, and without the desk's bookkeeping types in its menu. Hooks of the content manager
 * (Admin/CM/…), registered in app.tsx.
 */

/** Kept by the desk and shown there (Import page, Deleted articles, an entry's aliases panel). */
const BOOKKEEPING_TYPES = new Set(['api::entity-alias.entity-alias', 'api::import-run.import-run', 'api::tombstone.tombstone']);

/** The article list opens filtered to what awaits review; the filter is a chip an editor removes to see all. */
const NEEDS_REVIEW_FILTER = 'filters[$and][0][reviewStatus][$eq]=needs_review';

/**
 * The list is the content manager's, which speaks the editor's language: these strings are one
 * language each, unlike the desk's own pages. The review statuses are also the ids the content
 * manager translates its filter options by.
 */
export const ARTICLE_LIST_MESSAGES = {
  en: {
    needs_review: 'Needs review',
    reviewed: 'Reviewed',
    'newsroom-desk.doubts': 'Doubtful · flags',
    'newsroom-desk.doubtful-count': '{count} doubtful',
    'newsroom-desk.flag-count': '{count, plural, one {# flag} other {# flags}}',
  },
  'zh-Hans': {
    needs_review: '待审核',
    reviewed: '已审核',
    'newsroom-desk.doubts': '存疑 · 待核',
    'newsroom-desk.doubtful-count': '{count} 项存疑',
    'newsroom-desk.flag-count': '{count} 项待核',
  },
} satisfies Record<string, Record<string, string>>;

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
    label: { id: 'newsroom-desk.doubts', defaultMessage: ARTICLE_LIST_MESSAGES.en['newsroom-desk.doubts'] },
    attribute: { type: 'custom' },
    searchable: false,
    sortable: false,
    cellFormatter: (row) => <DoubtsCell documentId={row.documentId} />,
  };
  // Beside the review status, not after the relation columns, where a laptop's screen ends.
  const at = headers.findIndex((header) => header.name === 'reviewStatus');
  return { displayedHeaders: at < 0 ? [...headers, doubts] : [...headers.slice(0, at + 1), doubts, ...headers.slice(at + 1)], layout };
}

interface Filter {
  name: string;
  label: string;
  type: string;
  mainField?: { name: string; type: string };
  input?: unknown;
}

/**
 * Where Strapi keeps the admin's interface language. The filters hook runs outside React's hooks,
 * so it reads the language there; the content manager labels filters with the fields' bilingual
 * labels, untranslated, and in Chinese they keep only their Chinese half.
 */
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';
const inEditorsLanguage = (label: string) => (window.localStorage.getItem(ADMIN_LANGUAGE_KEY) === 'zh-Hans' ? chineseOf(label) : label);

/**
 * The review status filter names its value in the editor's language: the content manager's filter
 * chip shows an option's label only for a filter with its own input (otherwise `needs_review`), so
 * it gets Strapi's own input. Review flags are a component, which the content manager offers no
 * filter for: filtered on their code.
 */
export function articleListFilters<Layout>({ displayedFilters, layout }: { displayedFilters: Filter[]; layout: Layout }) {
  if (!onArticleList()) return { displayedFilters, layout };
  const filters = displayedFilters.map((filter) => ({
    ...filter,
    label: inEditorsLanguage(filter.label),
    ...(filter.name === 'reviewStatus' ? { input: InputRenderer } : {}),
  }));
  const flags: Filter = {
    name: 'reviewFlags',
    label: inEditorsLanguage('Review flags 待核事项'),
    type: 'relation',
    mainField: { name: 'code', type: 'string' },
  };
  return { displayedFilters: [...filters, flags], layout };
}

function ReviewStatusCell({ status }: { status: string }) {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: status, defaultMessage: status });
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
  const { formatMessage } = useIntl();
  const en = ARTICLE_LIST_MESSAGES.en;
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
      {shown.doubtful > 0 ? (
        <Badge backgroundColor="warning100">
          {formatMessage(
            { id: 'newsroom-desk.doubtful-count', defaultMessage: en['newsroom-desk.doubtful-count'] },
            { count: shown.doubtful },
          )}
        </Badge>
      ) : null}
      {shown.flags > 0 ? (
        <Badge backgroundColor="danger100">
          {formatMessage({ id: 'newsroom-desk.flag-count', defaultMessage: en['newsroom-desk.flag-count'] }, { count: shown.flags })}
        </Badge>
      ) : null}
      {shown.doubtful === 0 && shown.flags === 0 ? <Typography textColor="neutral500">0</Typography> : null}
    </Flex>
  );
}
