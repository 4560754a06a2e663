/**
 * A frontend's view of the newsroom API: the newest article with its officials through REST
 * (`@strapi/client`), then the same article through GraphQL, printed as a page would show it.
 *
 *   NEWSROOM_URL=http://localhost:1337 npx tsx examples/frontend-client/index.ts
 *
 * Anonymous, so it sees published content only; set NEWSROOM_TOKEN to a read-only API token to
 * preview drafts instead.
 */
import { strapi } from '@strapi/client';

interface Post {
  title: string;
  firstSeen: string | null;
  lastSeen: string | null;
}

interface Official {
  documentId: string;
  name: string;
  posts: Post[];
}

interface Article {
  documentId: string;
  title: string;
  issueDate: string | null;
  page: string | null;
  officials: Official[];
}

interface GraphqlArticle {
  title: string;
  officials: Array<{ name: string; posts: Array<{ title: string }> }>;
}

const ARTICLE_QUERY = `query Article($documentId: ID!) {
  article(documentId: $documentId) { title officials { name posts { title } } }
}`;

async function main(): Promise<number> {
  const baseURL = process.env.NEWSROOM_URL ?? 'http://localhost:1337';
  const token = process.env.NEWSROOM_TOKEN;
  const client = strapi({ baseURL: `${baseURL}/api`, ...(token ? { auth: token } : {}) });

  // The default populate already brings officials with their posts (README, "APIs").
  const response = await client.collection('articles').find({
    sort: 'issueDate:desc',
    filters: { officials: { name: { $notNull: true } } },
    pagination: { page: 1, pageSize: 1 },
  });
  const [article] = response.data as unknown as Article[];
  if (!article) {
    process.stderr.write('No published article mentions an official yet: import and publish a page first.\n');
    return 1;
  }

  process.stdout.write(`${article.title}  (${article.issueDate ?? 'no date'}, ${article.page ?? '-'})\n`);
  for (const official of article.officials) {
    const posts = official.posts.map((post) => `${post.title} ${post.firstSeen ?? '?'}–${post.lastSeen ?? '?'}`).join('; ');
    process.stdout.write(`  ${official.name}${posts ? `: ${posts}` : ''}\n`);
  }

  const graphql = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: ARTICLE_QUERY, variables: { documentId: article.documentId } }),
  });
  const { data, errors } = (await graphql.json()) as { data?: { article: GraphqlArticle | null }; errors?: unknown[] };
  if (!graphql.ok || errors || !data?.article) {
    process.stderr.write(`GraphQL answered ${graphql.status}: ${JSON.stringify(errors ?? data)}\n`);
    return 1;
  }
  const names = data.article.officials.map((official) => official.name);
  process.stdout.write(`GraphQL: ${data.article.title} — ${names.join('、')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`frontend-client: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
