import type { Core } from '@strapi/strapi';
import {
  MalformedUrlError,
  canonicalPath,
  checkQueryEscapes,
  contentApiRouteOf,
  contentManagerModelOf,
  isAdminLoginPath,
  isContentApiPath,
  isGraphqlPath,
  isRestPath,
  isRestRoute,
} from '../../../src/limits/request-route';

/** Just what the route helpers read of Strapi: the prefixes and the content types' names. */
const strapi = {
  config: { get: (name: string, fallback: unknown) => ({ 'api.rest.prefix': '/api', 'plugin::graphql.endpoint': '/graphql' })[name] ?? fallback },
  contentTypes: {
    'api::article.article': { kind: 'collectionType', info: { singularName: 'article', pluralName: 'articles' } },
    'api::research-platform.research-platform': { kind: 'collectionType', info: { singularName: 'research-platform', pluralName: 'research-platforms' } },
    'api::front-page.front-page': { kind: 'singleType', info: { singularName: 'front-page', pluralName: 'front-pages' } },
    'plugin::users-permissions.user': { kind: 'collectionType', info: { singularName: 'user', pluralName: 'users' } },
  },
} as unknown as Core.Strapi;

/** Every spelling Strapi's router sends to the same route, and spellings it does not route that guards check anyway. */
const SPELLINGS = (path: string) => [
  path,
  path.toUpperCase(),
  path.replace(/\/(\w)/g, (_, letter: string) => `/${letter.toUpperCase()}`),
  `${path}/`,
  path.replace(/\//g, '//'),
  path.replace(/[a-z]/, (letter) => `%${letter.charCodeAt(0).toString(16)}`),
];

describe('canonical path', () => {
  it.each(['/api/articles', '/graphql', '/admin/login', '/api/research-platforms'])('is the same for every spelling of %s', (path) => {
    for (const spelling of SPELLINGS(path)) expect({ spelling, canonical: canonicalPath(spelling).canonical }).toEqual({ spelling, canonical: path });
  });

  it('decodes each segment once, so an encoded slash stays inside its segment', () => {
    expect(canonicalPath('/api/articles/a%2Fb').segments).toEqual(['api', 'articles', 'a/b']);
    expect(canonicalPath('/api/articles/%2561').segments).toEqual(['api', 'articles', '%61']);
  });

  it('keeps the case of the segments that name values', () => {
    expect(canonicalPath('/API/Articles/AbC9').segments).toEqual(['API', 'Articles', 'AbC9']);
  });

  it('tells the spellings Strapi routes like the canonical path (case, a trailing slash) from those it does not', () => {
    for (const path of ['/api/articles', '/API/Articles/', '/api/articles/AbC9', '/']) expect({ path, routed: canonicalPath(path).routedAsCanonical }).toEqual({ path, routed: true });
    for (const path of ['/api/%61rticles', '/api//articles', '//api/articles', '/api/articles//', '/api/articles/a%2Fb']) expect({ path, routed: canonicalPath(path).routedAsCanonical }).toEqual({ path, routed: false });
  });

  it('refuses a malformed escape with a 400, wherever it is', () => {
    for (const path of ['/content-manager/collection-types/%E0', '/api/%ZZ', '/%', '/admin/login%']) {
      expect(() => canonicalPath(path)).toThrow(MalformedUrlError);
    }
    expect(new MalformedUrlError('path')).toMatchObject({ name: 'ValidationError' });
    expect(() => checkQueryEscapes('filters[title][$eq]=%E0')).toThrow(MalformedUrlError);
    expect(() => checkQueryEscapes('q=%E4%B8%AD&a=1+2')).not.toThrow();
  });
});

describe('routes', () => {
  const path = (raw: string) => canonicalPath(raw);

  it('tells REST, GraphQL and the admin login apart in every spelling', () => {
    for (const spelling of SPELLINGS('/api/articles')) expect(isRestPath(strapi, path(spelling))).toBe(true);
    for (const spelling of SPELLINGS('/graphql')) expect([isGraphqlPath(strapi, path(spelling)), isRestPath(strapi, path(spelling))]).toEqual([true, false]);
    for (const spelling of SPELLINGS('/admin/login')) expect([isAdminLoginPath(path(spelling)), isContentApiPath(strapi, path(spelling))]).toEqual([true, false]);
    for (const spelling of SPELLINGS('/api/search')) expect(isRestRoute(strapi, path(spelling), 'search')).toBe(true);
    expect(isRestPath(strapi, path('/apiary'))).toBe(false);
    expect(isRestRoute(strapi, path('/api/search/x'), 'search')).toBe(false);
  });

  it('finds the content type and documentId of core REST routes', () => {
    for (const spelling of SPELLINGS('/api/articles')) expect(contentApiRouteOf(strapi, path(spelling))).toEqual({ uid: 'api::article.article' });
    expect(contentApiRouteOf(strapi, path('/API/Research-Platforms/AbC9/'))).toEqual({ uid: 'api::research-platform.research-platform', documentId: 'AbC9' });
    expect(contentApiRouteOf(strapi, path('/api/articles/a%2Fb'))).toEqual({ uid: 'api::article.article', documentId: 'a/b' });
    expect(contentApiRouteOf(strapi, path('/api/front-page'))).toEqual({ uid: 'api::front-page.front-page' });
    for (const other of ['/api/users', '/api/articles/a/b', '/api', '/articles', '/api/front-page/x']) expect(contentApiRouteOf(strapi, path(other))).toBeUndefined();
  });

  it('finds the model of Content Manager document routes, decoded and with its case', () => {
    expect(contentManagerModelOf(path('/Content-Manager/COLLECTION-TYPES/api%3A%3Aarticle.article/abc'))).toBe('api::article.article');
    expect(contentManagerModelOf(path('/content-manager//single-types/api::front-page.front-page/'))).toBe('api::front-page.front-page');
    expect(contentManagerModelOf(path('/content-manager/init'))).toBeUndefined();
  });
});
