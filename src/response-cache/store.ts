/**
 * Bounded store of JSON response bodies: at most `maxEntries` and `maxBytes` of bodies, each for
 * `ttlSeconds`; past a bound the least recently read entries go first (a Map keeps insertion
 * order, and a read moves its entry to the end). Bodies are kept as the UTF-8 bytes that are sent,
 * so the byte bound is the memory they take (a JS string holding one Chinese character stores
 * every character in two bytes) and a hit is not encoded again.
 *
 * Each entry says what its answer is made of (its `ReadScope`), so a write drops only the answers
 * that can contain what it wrote: a list of its type or of a type that embeds it, the document it
 * wrote, and answers of routes that are not one content type's (rankings), which any write may change.
 */

/** What one kept answer is made of. */
export interface ReadScope {
  /** The content type the route reads, or undefined for a route that is not one type's (rankings). */
  uid?: string;
  /** The document a single-document route reads (`/api/articles/:documentId`). */
  documentId?: string;
  /** The content types whose rows the answer can hold: its own and those it populates, transitively. */
  contains: ReadonlySet<string>;
  /** Its own type can be among them through a relation (an article linking articles). */
  containsOwnType: boolean;
}

/** What a write changed: documents of one type (all of them when `documentIds` is absent). */
export interface WriteScope {
  uid: string;
  documentIds?: readonly string[];
}

interface Entry {
  /** The JSON body as sent. */
  body: Buffer;
  expiresAt: number;
  scope: ReadScope;
}

export interface ResponseStoreBounds {
  maxEntries: number;
  maxBytes: number;
  ttlSeconds: number;
}

/** Can a write of `write` change the answer `read` kept? */
export function writeTouches(write: WriteScope, read: ReadScope): boolean {
  if (read.uid === undefined) return true;
  if (!read.contains.has(write.uid)) return false;
  const otherDocumentOfSameType =
    read.uid === write.uid &&
    read.documentId !== undefined &&
    write.documentIds !== undefined &&
    !write.documentIds.includes(read.documentId);
  return !otherDocumentOfSameType || read.containsOwnType;
}

export function createResponseStore(bounds: ResponseStoreBounds, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // Invalidations so far: of everything, and of each type. A read remembers them when it starts.
  let everythingInvalidated = 0;
  let typeInvalidations = 0;
  const invalidationsOfType = new Map<string, number>();

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    bytes -= entry.body.length;
  }

  function generation(scope: ReadScope): number {
    if (scope.uid === undefined) return everythingInvalidated + typeInvalidations;
    let sum = everythingInvalidated;
    for (const uid of scope.contains) sum += invalidationsOfType.get(uid) ?? 0;
    return sum;
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
     * Taken when a read starts: a response read before an invalidation of what it contains may
     * hold what the write replaced, so `set` drops it unless no such invalidation happened since.
     * (Counted per type: a write of one document also holds back reads of its type's other documents.)
     */
    generation,

    set(key: string, body: Buffer, scope: ReadScope, readAtGeneration: number): void {
      if (readAtGeneration !== generation(scope)) return;
      const size = body.length;
      if (size > bounds.maxBytes) return;
      const previous = entries.get(key);
      if (previous) remove(key, previous);
      for (const [oldestKey, oldest] of entries) {
        if (entries.size < bounds.maxEntries && bytes + size <= bounds.maxBytes) break;
        remove(oldestKey, oldest);
      }
      entries.set(key, { body, expiresAt: now() + bounds.ttlSeconds * 1000, scope });
      bytes += size;
    },

    /** Drops the answers `write` can change. */
    invalidate(write: WriteScope): void {
      invalidationsOfType.set(write.uid, (invalidationsOfType.get(write.uid) ?? 0) + 1);
      typeInvalidations += 1;
      for (const [key, entry] of entries) if (writeTouches(write, entry.scope)) remove(key, entry);
    },

    clear(): void {
      everythingInvalidated += 1;
      entries.clear();
      bytes = 0;
    },

    stats(): { entries: number; bytes: number } {
      return { entries: entries.size, bytes };
    },
  };
}

export type ResponseStore = ReturnType<typeof createResponseStore>;
