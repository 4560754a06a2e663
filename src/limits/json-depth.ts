/**
 * Nesting of objects in a JSON value (lists do not count), looked at only up to `limit + 1`
 * levels, so a hostile value 10,000 levels deep costs as little as one just past the limit.
 * Used for REST filters and GraphQL variables alike.
 */
export function jsonObjectDepth(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  const next = Array.isArray(value) ? depth : depth + 1;
  let deepest = next;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, jsonObjectDepth(child, limit, next));
    if (deepest > limit) break;
  }
  return deepest;
}
