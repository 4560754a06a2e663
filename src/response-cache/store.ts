/**
 * Bounded store of JSON response bodies: at most `maxEntries` and `maxBytes` of bodies, each for
 * `ttlSeconds`; past a bound the least recently read entries go first (a Map keeps insertion
 * order, and a read moves its entry to the end). Bodies are kept as the UTF-8 bytes that are sent,
 * so the byte bound is the memory they take (a JS string holding one Chinese character stores
 * every character in two bytes) and a hit is not encoded again.
 */

interface Entry {
  /** The JSON body as sent. */
  body: Buffer;
  expiresAt: number;
}

export interface ResponseStoreBounds {
  maxEntries: number;
  maxBytes: number;
  ttlSeconds: number;
}

export function createResponseStore(bounds: ResponseStoreBounds, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let generation = 0;

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    bytes -= entry.body.length;
  }

  return {
    get(key: string): Buffer | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      remove(key, entry);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      bytes += entry.body.length;
      return entry.body;
    },

    /**
     * Taken when a read starts: a response read before an invalidation may hold what the write
     * replaced, so `set` drops it unless no invalidation happened since.
     */
    generation(): number {
      return generation;
    },

    set(key: string, body: Buffer, readAtGeneration: number): void {
      if (readAtGeneration !== generation) return;
      const size = body.length;
      if (size > bounds.maxBytes) return;
      const previous = entries.get(key);
      if (previous) remove(key, previous);
      for (const [oldestKey, oldest] of entries) {
        if (entries.size < bounds.maxEntries && bytes + size <= bounds.maxBytes) break;
        remove(oldestKey, oldest);
      }
      entries.set(key, { body, expiresAt: now() + bounds.ttlSeconds * 1000 });
      bytes += size;
    },

    clear(): void {
      generation += 1;
      entries.clear();
      bytes = 0;
    },

    stats(): { entries: number; bytes: number } {
      return { entries: entries.size, bytes };
    },
  };
}

export type ResponseStore = ReturnType<typeof createResponseStore>;
