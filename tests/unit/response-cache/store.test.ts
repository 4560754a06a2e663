import { env } from '@strapi/utils';
import responseCacheConfig from '../../../config/response-cache';
import { withEnv } from '../../helpers/env';
import { readKeyOf } from '../../../src/response-cache/key';
import { parseResponseCacheSettings } from '../../../src/response-cache/settings';
import { createResponseStore, type ReadScope } from '../../../src/response-cache/store';

const ARTICLE = 'api::article.article';
const OFFICIAL = 'api::official.official';
const PROJECT = 'api::project.project';
/** An article list: articles and the officials they link. */
const LIST: ReadScope = { uid: ARTICLE, contains: new Set([ARTICLE, OFFICIAL]), containsOwnType: false };
const articleRead = (documentId: string): ReadScope => ({ ...LIST, documentId });
const RANKINGS: ReadScope = { contains: new Set(), containsOwnType: true };

const text = (body: Buffer | undefined) => body?.toString();

describe('response store', () => {
  const bounds = { maxEntries: 2, maxBytes: 10, ttlSeconds: 5 };

  it('keeps at most maxEntries, dropping the least recently read first', () => {
    const store = createResponseStore(bounds, () => 0);
    store.set('a', Buffer.from('1'), LIST, store.generation(LIST));
    store.set('b', Buffer.from('2'), LIST, store.generation(LIST));
    expect(text(store.get('a'))).toBe('1');
    store.set('c', Buffer.from('3'), LIST, store.generation(LIST));
    expect(store.get('b')).toBeUndefined();
    expect([text(store.get('a')), text(store.get('c'))]).toEqual(['1', '3']);
    expect(store.stats()).toEqual({ entries: 2, bytes: 2 });
  });

  it('keeps at most maxBytes of bodies, counted in UTF-8, and never a body larger than that', () => {
    const store = createResponseStore({ ...bounds, maxEntries: 10 }, () => 0);
    store.set('a', Buffer.from('新闻'), LIST, store.generation(LIST)); // 6 bytes
    store.set('b', Buffer.from('12345'), LIST, store.generation(LIST));
    expect(store.stats()).toEqual({ entries: 1, bytes: 5 });
    expect(store.get('a')).toBeUndefined();
    store.set('c', Buffer.from('12345678901'), LIST, store.generation(LIST));
    expect(store.get('c')).toBeUndefined();
    expect(text(store.get('b'))).toBe('12345');
  });

  it('serves an entry for ttlSeconds only', () => {
    let now = 1_000;
    const store = createResponseStore(bounds, () => now);
    store.set('a', Buffer.from('1'), LIST, store.generation(LIST));
    now += 4_999;
    expect(text(store.get('a'))).toBe('1');
    now += 1;
    expect(store.get('a')).toBeUndefined();
    expect(store.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops a response read before an invalidation', () => {
    const store = createResponseStore(bounds, () => 0);
    const readStarted = store.generation(LIST);
    store.clear();
    store.set('a', Buffer.from('1'), LIST, readStarted);
    expect(store.get('a')).toBeUndefined();
  });
});

describe('targeted invalidation', () => {
  const bounds = { maxEntries: 10, maxBytes: 1000, ttlSeconds: 60 };
  const filled = () => {
    const store = createResponseStore(bounds, () => 0);
    const put = (key: string, scope: ReadScope) => store.set(key, Buffer.from(key), scope, store.generation(scope));
    put('list', LIST);
    put('article-a', articleRead('a'));
    put('article-b', articleRead('b'));
    put('rankings', RANKINGS);
    const kept = () => ['list', 'article-a', 'article-b', 'rankings'].filter((key) => store.get(key) !== undefined);
    return { store, kept };
  };

  it('drops the lists of the type, the document written and routes of no one type, and keeps the other documents', () => {
    const { store, kept } = filled();
    store.invalidate({ uid: ARTICLE, documentIds: ['a'] });
    expect(kept()).toEqual(['article-b']);
  });

  it('drops every answer that can embed a written type, and none that cannot', () => {
    const { store, kept } = filled();
    store.invalidate({ uid: PROJECT, documentIds: ['p'] });
    expect(kept()).toEqual(['list', 'article-a', 'article-b']);
    store.invalidate({ uid: OFFICIAL, documentIds: ['o'] });
    expect(kept()).toEqual([]);
  });

  it('drops every document of a type that links its own type, and all of a type when no document is named', () => {
    const store = createResponseStore(bounds, () => 0);
    const linked: ReadScope = { ...articleRead('b'), containsOwnType: true };
    store.set('linked-b', Buffer.from('1'), linked, store.generation(linked));
    store.set('article-c', Buffer.from('2'), articleRead('c'), store.generation(articleRead('c')));
    store.invalidate({ uid: ARTICLE, documentIds: ['a'] });
    expect(store.get('linked-b')).toBeUndefined();
    expect(store.get('article-c')).toBeDefined();
    store.invalidate({ uid: ARTICLE });
    expect(store.get('article-c')).toBeUndefined();
  });

  it('drops a response read before an invalidation of what it contains, and keeps one read before an unrelated one', () => {
    const store = createResponseStore(bounds, () => 0);
    const listStarted = store.generation(LIST);
    const rankingsStarted = store.generation(RANKINGS);
    store.invalidate({ uid: PROJECT });
    store.set('list', Buffer.from('1'), LIST, listStarted);
    store.set('rankings', Buffer.from('2'), RANKINGS, rankingsStarted);
    expect(store.get('list')).toBeDefined();
    expect(store.get('rankings')).toBeUndefined();
  });
});

describe('read keys', () => {
  it('orders parameters by decoded name and keeps the order within one name', () => {
    const key = (query: string) => readKeyOf('/api/articles', query).key;
    expect(key('pagination%5Bpage%5D=2&sort=a')).toBe(key('sort=a&pagination[page]=2'));
    expect(key('sort=a&sort=b')).not.toBe(key('sort=b&sort=a'));
    expect(key('filters[title][$eq]=a+b')).toBe(key('filters[title][$eq]=a%20b'));
    expect(readKeyOf('/api/articles', 'a=1').key).not.toBe(readKeyOf('/api/projects', 'a=1').key);
  });

  it('tells the status asked for', () => {
    expect(readKeyOf('/api/articles', 'status=draft').status).toBe('draft');
    expect(readKeyOf('/api/articles', '').status).toBeUndefined();
  });
});

describe('response cache settings', () => {
  const fromEnv = (values: Record<string, string | undefined>) =>
    withEnv(values, () => parseResponseCacheSettings(responseCacheConfig({ env })));

  it('are on by default with bounds and a short TTL, each from the environment', () => {
    const unset = {
      RESPONSE_CACHE_ENABLED: undefined,
      RESPONSE_CACHE_MAX_ENTRIES: undefined,
      RESPONSE_CACHE_MAX_BYTES: undefined,
      RESPONSE_CACHE_TTL_SECONDS: undefined,
    };
    expect(fromEnv(unset)).toEqual({ enabled: true, maxEntries: 1000, maxBytes: 64 * 1024 * 1024, ttlSeconds: 5 });
    expect(fromEnv({ ...unset, RESPONSE_CACHE_ENABLED: 'false', RESPONSE_CACHE_TTL_SECONDS: '2' })).toMatchObject({
      enabled: false,
      ttlSeconds: 2,
    });
    expect(() => fromEnv({ ...unset, RESPONSE_CACHE_MAX_BYTES: 'lots' })).toThrow(/maxBytes/);
  });

  it('refuses values that are not positive integers', () => {
    const valid = { enabled: true, maxEntries: 10, maxBytes: 1000, ttlSeconds: 5 };
    expect(parseResponseCacheSettings(valid)).toEqual(valid);
    expect(() => parseResponseCacheSettings({ ...valid, maxEntries: Number.NaN })).toThrow(/maxEntries/);
    expect(() => parseResponseCacheSettings({ ...valid, ttlSeconds: 0 })).toThrow(/ttlSeconds/);
  });
});
