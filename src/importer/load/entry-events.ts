import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { storageLayout } from '../../strapi-rows';
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

export function createEntryEventLog(): EntryEventLog {
  const recorded: EntryEvent[] = [];
  return {
    record: (event) => void recorded.push(event),
    events: () => recorded,
  };
}

type Populate = Record<string, unknown>;

/**
 * What the event's entry carries: every component all the way down and media, as the Document
 * Service populates them, and each relation as its linked entries' `id` and `documentId`. The
 * Document Service gives every column of every linked entry: for an official named in thousands
 * of articles that is thousands of article bodies on each publish, which doubled an import's time.
 * A subscriber that needs more reads the linked documents by documentId.
 */
function deepPopulate(strapi: Core.Strapi, uid: string): Populate {
  const model = strapi.getModel(uid as never) as unknown as {
    attributes: Record<string, { type: string; component?: string; unstable_virtual?: boolean }>;
  };
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type === 'relation' && !attribute.unstable_virtual) populate[name] = { select: ['id', 'documentId'] };
    else if (attribute.type === 'media') populate[name] = { select: ['*'] };
    else if (attribute.type === 'component') populate[name] = { populate: deepPopulate(strapi, attribute.component as string) };
  }
  return populate;
}

/** Emits the recorded events, one after the other, as the Document Service would have. Call after the commit. */
export async function emitEntryEvents(strapi: Core.Strapi, events: readonly EntryEvent[]): Promise<void> {
  const layout = storageLayout(strapi);
  for (const { name, uid, documentId, status } of events) {
    const model = strapi.getModel(uid as never) as unknown as { modelName: string; uid: string };
    const document = layout.document(uid);
    const where = document.draftAndPublish ? { documentId, publishedAt: status === 'draft' ? null : { $notNull: true } } : { documentId };
    const entry = await strapi.db.query(uid as never).findOne({ where, populate: deepPopulate(strapi, uid) });
    if (!entry) continue;
    const sanitized = await sanitize.sanitizers.defaultSanitizeOutput(
      { schema: model as never, getModel: (target: string) => strapi.getModel(target as never) as never },
      entry,
    );
    await strapi.eventHub.emit(name, { model: model.modelName, uid: model.uid, entry: sanitized });
  }
}
