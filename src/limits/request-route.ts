import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Which route a request reaches, in the one spelling every guard compares: no guard reads
 * `ctx.path` itself.
 *
 * Strapi's router matches paths case-insensitively and ignores a trailing slash: every router
 * it builds (`@strapi/core` services/server: the root router, the content-API and admin routers,
 * each route group's sub-router) is a `new Router()` of `@koa/router` without the `sensitive` and
 * `strict` options, and nothing in Strapi's configuration sets them. So `/API/Articles/` is
 * `/api/articles` to it. Making the routers strict would mean patching `@koa/router` under
 * Strapi (the admin panel itself is reached at `/admin/`), and asking the router which layer
 * will answer before it runs is no better: its stack holds catch-all static routes and
 * middleware layers ahead of the route that finally answers. So the guards key on one canonical
 * form instead, at least as coarse as Strapi's own matching:
 *
 * - each segment percent-decoded once, as the router decodes route parameters (so
 *   `/content-manager/collection-types/api%3A%3Aarticle.article` names the article type); a
 *   malformed escape is a 400 here, for every route, instead of a `URIError` further down;
 * - lower case, since the router ignores case;
 * - no empty segment: a trailing or doubled slash changes nothing.
 *
 * This makes the guards cover more than Strapi routes (it matches the raw path, so
 * `/api/%61rticles` and `/api//articles` are 404s there, and checked like `/api/articles` here):
 * a guard that refuses is never wrong for them; only the response cache, which answers without
 * Strapi, leaves such spellings alone (`routedAsCanonical`).
 */
export interface RequestPath {
  /** `/api/articles`, whatever the spelling: what guards compare. */
  canonical: string;
  /** The decoded segments with their case, for values the route reads from the path (a documentId, a model uid). */
  segments: string[];
  /** Whether Strapi's router takes this spelling for the canonical path: it differs in case and a trailing slash at most. */
  routedAsCanonical: boolean;
}

export class MalformedUrlError extends errors.ValidationError {
  constructor(part: 'path' | 'query string') {
    super(`The ${part} holds a malformed percent-encoding (a % not followed by an encoded character).`, { source: part === 'path' ? 'path' : 'query' });
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MalformedUrlError('path');
  }
}

/** The canonical form of a raw (still percent-encoded) URL path. */
export function canonicalPath(rawPath: string): RequestPath {
  const segments = rawPath.split('/').filter((segment) => segment !== '').map(decodeSegment);
  const canonical = `/${segments.join('/').toLowerCase()}`;
  const routedAsCanonical = rawPath.toLowerCase() === canonical || rawPath.toLowerCase() === `${canonical}/`;
  return { canonical, segments, routedAsCanonical };
}

type Context = Parameters<Core.MiddlewareHandler>[0];
const computed = new WeakMap<Context, { rawPath: string; path: RequestPath }>();

/**
 * The request's canonical path, computed once per request (and again only if a middleware
 * rewrites `ctx.path`). Throws the 400 of a malformed escape.
 */
export function requestPathOf(ctx: Context): RequestPath {
  const rawPath = ctx.path;
  const known = computed.get(ctx);
  if (known?.rawPath === rawPath) return known.path;
  const path = canonicalPath(rawPath);
  computed.set(ctx, { rawPath, path });
  return path;
}

/** Throws the 400 of a malformed escape in the query string; qs would keep it as text. */
export function checkQueryEscapes(querystring: string): void {
  try {
    decodeURIComponent(querystring);
  } catch {
    throw new MalformedUrlError('query string');
  }
}

const restPrefixOf = (strapi: Core.Strapi) => canonicalPath(strapi.config.get<string>('api.rest.prefix', '/api')).canonical;

/** REST routes under the API prefix (`/api`): what anonymous readers reach, with GraphQL. */
export function isRestPath(strapi: Core.Strapi, path: RequestPath): boolean {
  const prefix = restPrefixOf(strapi);
  return path.canonical === prefix || path.canonical.startsWith(`${prefix}/`);
}

export function isGraphqlPath(strapi: Core.Strapi, path: RequestPath): boolean {
  return path.canonical === canonicalPath(strapi.config.get<string>('plugin::graphql.endpoint', '/graphql')).canonical;
}

export function isContentApiPath(strapi: Core.Strapi, path: RequestPath): boolean {
  return isRestPath(strapi, path) || isGraphqlPath(strapi, path);
}

/** A REST route of the app's own API by its name, e.g. `search` for `/api/search`. */
export function isRestRoute(strapi: Core.Strapi, path: RequestPath, name: string): boolean {
  return path.canonical === `${restPrefixOf(strapi)}/${name}`;
}

/** The admin panel's sign-in (Strapi's admin routes live under `/admin` whatever the panel's URL). */
export function isAdminLoginPath(path: RequestPath): boolean {
  return path.canonical === '/admin/login';
}

/** The model uid of a Content Manager document route, `/content-manager/{collection,single}-types/<uid>[/…]`. */
export function contentManagerModelOf(path: RequestPath): string | undefined {
  const [plugin, kind, uid] = path.segments.map((segment, index) => (index < 2 ? segment.toLowerCase() : segment));
  if (plugin !== 'content-manager' || (kind !== 'collection-types' && kind !== 'single-types')) return undefined;
  return uid;
}

export interface ContentApiRoute {
  uid: string;
  /** The path segment after the collection, i.e. the documentId of findOne/update/delete, with its case. */
  documentId?: string;
}

/**
 * The content type a core REST route serves: `/api/<pluralName>[/<documentId>]` for collection
 * types, `/api/<singularName>` for single types. Other paths (auth, users, custom routes) are not
 * content-type routes.
 */
export function contentApiRouteOf(strapi: Core.Strapi, path: RequestPath): ContentApiRoute | undefined {
  if (!isRestPath(strapi, path)) return undefined;
  const prefixLength = canonicalPath(strapi.config.get<string>('api.rest.prefix', '/api')).segments.length;
  const rest = path.segments.slice(prefixLength);
  if (rest.length === 0 || rest.length > 2) return undefined;
  const collection = rest[0].toLowerCase();
  const documentId = rest[1];
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::')) continue;
    const { kind, info } = contentType as { kind: string; info: { pluralName: string; singularName: string } };
    if (kind === 'collectionType' && info.pluralName === collection) return { uid, documentId };
    if (kind === 'singleType' && info.singularName === collection && documentId === undefined) return { uid };
  }
  return undefined;
}
