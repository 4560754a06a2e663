/**
 * The key of an anonymous read: its route and its query parameters, decoded and ordered by name,
 * so that `?b=1&a=2`, `?a=2&b=1` and `?%61=2&b=1` share one entry. The order among parameters of
 * one name is kept (`sort=a&sort=b` is not `sort=b&sort=a`); qs reads bracketed indexes the same
 * in any order, so nothing that changes the answer is lost.
 */
export interface ReadKey {
  key: string;
  /** `status` as asked, if asked (draft reads are never kept). */
  status?: string;
}

/** Escapes are well-formed: `global::request-path` answered 400 to a malformed one. */
const decode = (part: string): string => decodeURIComponent(part.replace(/\+/g, ' '));

/** `route` names what answers (src/middlewares/response-cache.ts), whatever the path's spelling. */
export function readKeyOf(route: string, querystring: string): ReadKey {
  const parameters = querystring
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const separator = pair.indexOf('=');
      return separator < 0 ? [decode(pair), ''] : [decode(pair.slice(0, separator)), decode(pair.slice(separator + 1))];
    });
  // Array sort is stable: parameters of one name keep their order.
  const ordered = [...parameters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const status = parameters.find(([name]) => name === 'status')?.[1];
  return { key: JSON.stringify([route, ordered]), ...(status !== undefined ? { status } : {}) };
}
