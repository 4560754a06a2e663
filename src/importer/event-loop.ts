/**
 * Lets the event loop serve other requests before a long import step goes on. better-sqlite3
 * answers every query synchronously, so without a pause the reads and writes of a large page
 * (hundreds of articles) run as one task of seconds, during which not even a health check is
 * answered; on PostgreSQL, answers that arrive together chain the same way, more briefly.
 */
export function nextTurnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
