import * as React from 'react';
import { Badge, Box, Flex, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { QueuedArticle } from '../../desk/review-queue';
import { ARTICLE_UID, DESK, errorMessage } from './api';
import { DeskTable } from './DeskTable';


const FILTERS = {
  all: 'All needing review 全部待审',
  'low-confidence': 'Doubtful items 含存疑项',
  flagged: 'Review flags 有待核事项',
  'generated-title': 'Generated titles 自动生成标题',
} as const;
type Filter = keyof typeof FILTERS;


/** The articles that need review, the most doubtful first: what an editor opens the day on. */
const ReviewQueuePage = () => {
  const { get } = useFetchClient();
  const [filter, setFilter] = React.useState<Filter>('all');
  const [articles, setArticles] = React.useState<QueuedArticle[]>([]);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: QueuedArticle[] }>(`${DESK}/articles/to-review`, { params: { filter } })
      .then(({ data }) => {
        setArticles(data.data);
        setError(null);
      })
      .catch((caught) => setError(errorMessage(caught)));
  }, [get, filter]);

  return (
    <Page.Main>
      <Page.Title>Review queue 审核队列</Page.Title>
      <Layouts.Header title="Review queue 审核队列" subtitle="Articles that need review, the most doubtful first. 待审核的文章，存疑最多的排在前面。" />
      <Layouts.Content>
        <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
          <Flex gap={2} paddingBottom={3} alignItems="center">
            <Typography>Show 显示</Typography>
            <SingleSelect aria-label="Review filter" value={filter} onChange={(value) => setFilter(value as Filter)}>
              {Object.entries(FILTERS).map(([value, label]) => (
                <SingleSelectOption key={value} value={value}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Typography textColor="neutral600">{articles.length}</Typography>
          </Flex>
          {error && <Typography textColor="danger600">{error}</Typography>}
          <DeskTable
            label="Review queue"
            heads={['Title 标题', 'Issue date 出版日期', 'Review status 审核状态', 'Review flags 待核事项', 'Doubtful items 存疑项']}
            rows={articles.map((article) => ({
              key: article.documentId,
              cells: [
                <Flex gap={2} wrap="wrap">
                  <Link href={`/admin/content-manager/collection-types/${ARTICLE_UID}/${article.documentId}`}>{article.title}</Link>
                  {article.titleGenerated ? <Badge>Generated title 自动生成标题</Badge> : null}
                </Flex>,
                article.issueDate ?? '—',
                'Needs review 待审核',
                article.flags.length > 0 ? article.flags.join(', ') : '—',
                article.doubtful > 0 ? <Badge backgroundColor="warning100">{article.doubtful}</Badge> : '0',
              ],
            }))}
          />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReviewQueuePage;
