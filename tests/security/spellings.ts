/**
 * The spellings of a path an attacker tries. Strapi's router ignores case and a trailing slash,
 * so the first ones reach the same route as the path itself; it does not route a doubled slash
 * or a percent-encoded letter (a 404), but the guards must check those alike, since they decode
 * the path (src/limits/request-route.ts). Only the path is respelled; a query string is kept.
 */
type Respell = (segments: string[]) => string;

const capitalised = (segment: string) => segment.charAt(0).toUpperCase() + segment.slice(1);
/** `/api/%61rticles`: the first letter of the second segment (or of the only one). */
const encodeFirstLetter = (segments: string[]) => {
  const at = Math.min(1, segments.length - 1);
  return segments.map((segment, index) => (index === at ? segment.replace(/[a-z]/i, (letter) => `%${letter.charCodeAt(0).toString(16)}`) : segment));
};

export const ROUTED_SPELLINGS: Record<string, Respell> = {
  'as written': (segments) => `/${segments.join('/')}`,
  'upper case': (segments) => `/${segments.join('/').toUpperCase()}`,
  'mixed case': (segments) => `/${segments.map(capitalised).join('/')}`,
  'trailing slash': (segments) => `/${segments.join('/')}/`,
};

export const UNROUTED_SPELLINGS: Record<string, Respell> = {
  // A leading `//` is refused by Strapi's static file server (400 "Malicious Path"); inside the path it is not.
  'doubled slash': (segments) => (segments.length > 1 ? `/${segments.slice(0, -1).join('/')}//${segments.at(-1)}` : `/${segments[0]}//`),
  'percent-encoded letter': (segments) => `/${encodeFirstLetter(segments).join('/')}`,
};

function respell(url: string, how: Respell): string {
  const [path, query] = url.split(/\?(.*)/s);
  const spelled = how(path.split('/').filter(Boolean));
  return query === undefined ? spelled : `${spelled}?${query}`;
}

/** `[name, url]` for every spelling Strapi routes like `url`. */
export function routedSpellings(url: string): Array<[string, string]> {
  return Object.entries(ROUTED_SPELLINGS).map(([name, how]) => [name, respell(url, how)]);
}

/** `[name, url]` for every spelling, routed or not: what a guard that refuses must refuse. */
export function allSpellings(url: string): Array<[string, string]> {
  return [...routedSpellings(url), ...Object.entries(UNROUTED_SPELLINGS).map(([name, how]): [string, string] => [name, respell(url, how)])];
}
