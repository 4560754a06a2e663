/**
 * Fixed-window request counters per client and bucket, in this process's memory: enough for one
 * Strapi process behind a proxy; several processes each count their own share (the README says
 * to put per-IP limits in the proxy as well). Memory is bounded: expired windows are dropped
 * whenever a window ends, and past `maxClients` live counters new clients share one counter, so a
 * flood of spoofed addresses throttles itself instead of filling the heap.
 */
export interface WindowCounter {
  /** Counts one request; answers how many seconds to wait when it is over the limit. */
  hit(bucket: string, client: string, limit: number, now?: number): { allowed: boolean; retryAfterSeconds: number };
  size(): number;
}

export function createWindowCounter(windowMs: number, maxClients = 100_000): WindowCounter {
  let windowStart = Number.NEGATIVE_INFINITY;
  let counts = new Map<string, number>();

  return {
    hit(bucket, client, limit, now = Date.now()) {
      if (now >= windowStart + windowMs) {
        windowStart = now;
        counts = new Map();
      }
      let key = `${bucket}\u0000${client}`;
      if (!counts.has(key) && counts.size >= maxClients) key = `${bucket}\u0000*overflow*`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      return { allowed: count <= limit, retryAfterSeconds };
    },
    size: () => counts.size,
  };
}
