import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { storageLayout } from '../../strapi-rows';
import type { PublishedDocuments } from '../hooks';
import type { VersionStatus } from './versions';

/**
 * The entry events the Document Service emits for its writes (`entry.create`, `entry.update`,
 * `entry.publish`, …), emitted for what the row writer wrote, once the page's transaction has
 * committed: webhooks, audit logs and any other `strapi.eventHub` subscriber see imports as they
 * see editors' writes. The payload has the Document Service's shape (see
 * node_modules/@strapi/core/dist/services/document-service/events.js): the model's name, its uid
 * and the version's row with its components and relations, sanitized as for a webhook; linked
 * entries are given by id and documentId only (see `deepPopulate`).
 */
export type EntryEventName = 'entry.create' | 'entry.update' | 'entry.publish' | 'entry.unpublish' | 'entry.delete';

export interface EntryEvent {
  name: EntryEventName;
  uid: string;
  documentId: string;
  /** The version the event is about: the draft for create and update, the published one for publish. */
  status: VersionStatus;
}

/** The events of one transaction, in the order of its writes; emitted only if it commits. */
export interface EntryEventLog {
  record(event: EntryEvent): void;
  events(): readonly EntryEvent[];
}

/**
 * Every event recorded inside the import unit being attempted (load/lock.ts), whichever log its
 * writer made: once the unit commits they say what it changed in published content, so the
 * `committed` hooks learn it without each kind of unit passing its log up. Kept under a global
 * symbol, as the hooks are: the app runs from dist/ while scripts and tests may load src/.
 */
const UNIT_EVENTS = Symbol.for('newsroom.importUnitEvents');
type WithUnitEvents = typeof globalThis & { [UNIT_EVENTS]?: AsyncLocalStorage<EntryEvent[]> };
const unitEvents = ((globalThis as WithUnitEvents)[UNIT_EVENTS] ??= new AsyncLocalStorage());

export function createEntryEventLog(): EntryEventLog {
  const recorded: EntryEvent[] = [];
  const unit = unitEvents.getStore();
  return {
    record(event) {
      recorded.push(event);
      unit?.push(event);
    },
    events: () => recorded,
  };
}

/** Runs one attempt of an import unit, collecting the events its logs record. */
export async function recordingUnitEvents<T>(attempt: () => Promise<T>): Promise<{ result: T; events: readonly EntryEvent[] }> {
  const events: EntryEvent[] = [];
  const result = await unitEvents.run(events, attempt);
  return { result, events };
}

/**
 * What the events changed in published content, per type: publishing (a new published version
 * or one rewritten), unpublishing and deleting, and any write to a type without drafts. Creating
 * or updating a draft changes nothing an anonymous reader sees.
 */
export function publishedDocumentsOf(strapi: Core.Strapi, events: readonly EntryEvent[]): PublishedDocuments[] {
  const layout = storageLayout(strapi);
  const byType = new Map<string, Set<string>>();
  for (const { name, uid, documentId } of events) {
    const draftOnly = (name === 'entry.create' || name === 'entry.update') && layout.document(uid).draftAndPublish;
    if (draftOnly) continue;
    const documentIds = byType.get(uid) ?? new Set<string>();
    documentIds.add(documentId);
    byType.set(uid, documentIds);
  }
  return [...byType].map(([uid, documentIds]) => ({ uid, documentIds: [...documentIds] }));
}

type Populate = Record<string, unknown>;

/**
 * What the event's entry carries: every component all the way down and media, as the Document
 * Service populates them, and each relation as its linked entries' `id` and `documentId`. The
 * Document Service gives every column of every linked entry: for an official named in thousands
 * of articles that is thousands of article bodies on each publish, which doubled an import's time.
 * The lists kept on the other side of a relation (an official's articles, a page's articles) are
 * left out: they grow with the archive, and the article's own event names its officials and page.
 * A subscriber that needs more reads the linked documents by documentId.
 */
function deepPopulate(strapi: Core.Strapi, uid: string): Populate {
  const model = strapi.getModel(uid as never) as unknown as {
    attributes: Record<string, { type: string; component?: string; mappedBy?: string; unstable_virtual?: boolean }>;
  };
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'relation' && !attribute.unstable_virtual && !attribute.mappedBy)
      populate[name] = { select: ['id', 'documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['*'] };
    else if (attribute.type === 'component') populate[name] = { populate: deepPopulate(strapi, attribute.component as string) };
  }
  return populate;
}

type Entry = Record<string, unknown> & { documentId: string };

/**
 * The entries the events are about, read with one query per type and version (and one per
 * populated field) for a whole page, not one round of queries per event.
 */
async function entriesOf(strapi: Core.Strapi, events: readonly EntryEvent[]): Promise<Map<string, Entry>> {
  const layout = storageLayout(strapi);
  const keyOf = (uid: string, status: VersionStatus, documentId: string) =>
    `${uid}|${layout.document(uid).draftAndPublish ? status : 'only'}|${documentId}`;
  const wanted = new Map<string, { uid: string; status: VersionStatus; documentIds: Set<string> }>();
  for (const { uid, status, documentId } of events) {
    const group = `${uid}|${status}`;
    const found = wanted.get(group) ?? { uid, status, documentIds: new Set<string>() };
    found.documentIds.add(documentId);
    wanted.set(group, found);
  }
  const entries = new Map<string, Entry>();
  for (const { uid, status, documentIds } of wanted.values()) {
    const versionFilter = layout.document(uid).draftAndPublish ? { publishedAt: status === 'draft' ? null : { $notNull: true } } : {};
    const rows = (await strapi.db.query(uid as never).findMany({
      where: { documentId: { $in: [...documentIds] }, ...versionFilter },
      populate: deepPopulate(strapi, uid),
    })) as Entry[];
    for (const row of rows) entries.set(keyOf(uid, status, row.documentId), row);
  }
  return new Map(
    [...events].map(({ uid, status, documentId }) => [
      `${uid}|${status}|${documentId}`,
      entries.get(keyOf(uid, status, documentId)) as Entry,
    ]),
  );
}

/** Emits the recorded events, one after the other, as the Document Service would have. Call after the commit. */
export async function emitEntryEvents(strapi: Core.Strapi, recorded: readonly EntryEvent[]): Promise<void> {
  const events = recorded.filter((event) => someoneListens(strapi, event.name));
  if (events.length === 0) return;
  const entries = await entriesOf(strapi, events);
  for (const { name, uid, documentId, status } of events) {
    const entry = entries.get(`${uid}|${status}|${documentId}`);
    if (!entry) continue;
    const model = strapi.getModel(uid as never) as unknown as { modelName: string; uid: string };
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model as never, getModel: (target: string) => strapi.getModel(target as never) as never },
      entry as never,
    );
    await strapi.eventHub.emit(name, { model: model.modelName, uid: model.uid, entry: sanitized });
  }
}

const LISTENING = Symbol.for('newsroom.entryEventListening');
type Tracked = Core.Strapi['eventHub'] & { [LISTENING]?: { subscribers: number; byEvent: Map<string, number> } };

/**
 * Counts who listens on Strapi's event hub (call at register, before anyone subscribes): reading
 * and sanitizing every imported version for its event costs about a quarter of an import's time,
 * which is spent only when a webhook, an audit log or another subscriber will receive it.
 */
export function trackEventListeners(strapi: Core.Strapi): void {
  const hub = strapi.eventHub as Tracked;
  if (hub[LISTENING]) return;
  const counts = { subscribers: 0, byEvent: new Map<string, number>() };
  hub[LISTENING] = counts;
  const { on, off, subscribe, unsubscribe } = hub;
  const add = (name: string, by: number) => counts.byEvent.set(name, Math.max(0, (counts.byEvent.get(name) ?? 0) + by));
  hub.on = (name: string, listener: never) => {
    add(name, 1);
    return on.call(hub, name, listener);
  };
  hub.off = (name: string, listener: never) => {
    add(name, -1);
    return off.call(hub, name, listener);
  };
  hub.subscribe = (subscriber: never) => {
    counts.subscribers += 1;
    return subscribe.call(hub, subscriber);
  };
  hub.unsubscribe = (subscriber: never) => {
    counts.subscribers = Math.max(0, counts.subscribers - 1);
    return unsubscribe.call(hub, subscriber);
  };
}

/** Whether anyone will receive this event; true when the listeners were not counted. */
function someoneListens(strapi: Core.Strapi, name: EntryEventName): boolean {
  const counts = (strapi.eventHub as Tracked)[LISTENING];
  return !counts || counts.subscribers > 0 || (counts.byEvent.get(name) ?? 0) > 0;
}
