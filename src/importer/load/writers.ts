import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { z } from 'zod';
import { rowWriterVerdict } from '../../strapi-rows';
import type { Fields } from '../plan/records';
import { createVersionWriter, type VersionWriter } from './versions';

type Knex = Core.Strapi['db']['connection'];

/**
 * The importer writes documents one of two ways:
 * - `rows` (the default): src/importer/load/versions.ts writes Strapi's rows itself, a few
 *   statements a version, on the Strapi versions it was compared against row by row;
 * - `document-service`: one Document Service call a version, with Strapi's validation,
 *   middlewares and events, about five times slower. It is what runs on a Strapi version the row
 *   writer was not verified on, and what `IMPORT_WRITER=document-service` asks for.
 */
export const ImportWriterKindSchema = z.enum(['rows', 'document-service']);
export type ImportWriterKind = z.infer<typeof ImportWriterKindSchema>;

export interface ImportWriterChoice {
  kind: ImportWriterKind;
  /** Why the Document Service writes, when the row writer was wanted but cannot run here. */
  fallbackReason?: string;
}

export function chooseImportWriter(strapi: Core.Strapi): ImportWriterChoice {
  const wanted = ImportWriterKindSchema.parse(strapi.config.get('importer.writer', 'rows'));
  if (wanted === 'document-service') return { kind: wanted };
  const verdict = rowWriterVerdict();
  return verdict.verified ? { kind: 'rows' } : { kind: 'document-service', fallbackReason: verdict.reason };
}

/** Says at start-up which writer imports will use, and why when it is not the one configured. */
export function reportImportWriter(strapi: Core.Strapi): void {
  const choice = chooseImportWriter(strapi);
  if (choice.fallbackReason) {
    strapi.log.warn(`Imports write through the Document Service (about 5× slower): ${choice.fallbackReason}.`);
  } else if (choice.kind === 'document-service') {
    strapi.log.info('Imports write through the Document Service (IMPORT_WRITER=document-service).');
  }
}

/**
 * The writer for one import transaction `trx`, as chosen for this app, and whether it emits the
 * entry events itself (the Document Service does; for the row writer the importer emits them).
 */
export function createImportWriter(strapi: Core.Strapi, trx: Knex): { writer: VersionWriter; emitsEntryEvents: boolean } {
  return chooseImportWriter(strapi).kind === 'rows'
    ? { writer: createVersionWriter(strapi, trx), emitsEntryEvents: false }
    : { writer: createDocumentServiceWriter(strapi), emitsEntryEvents: true };
}

/**
 * The same writes through the Document Service. Its calls join the import's transaction through
 * Strapi's transaction context. Relations arrive as documentIds, which the Document Service takes
 * as they are; it ignores a given `updatedAt` and stamps its own, later each call, so a draft
 * written after its published version still shows as modified.
 */
export function createDocumentServiceWriter(strapi: Core.Strapi): VersionWriter {
  const documents = (uid: string) => strapi.documents(uid as 'api::article.article');
  const asData = (data: Fields) => data as never;
  const hasDraftAndPublish = (uid: string) => contentTypes.hasDraftAndPublish(strapi.contentType(uid as never));
  return {
    async create(uid, data, { publish }) {
      const created = await documents(uid).create({ data: asData(data), ...(publish ? { status: 'published' as const } : {}) });
      return created.documentId;
    },

    /**
     * The Document Service writes only drafts: a published version is written by writing the
     * draft and publishing it. The importer writes a document's draft right after (load/apply.ts).
     */
    async update(uid, documentId, status, data) {
      await documents(uid).update({ documentId, data: asData(data) });
      if (status === 'published' && hasDraftAndPublish(uid)) await documents(uid).publish({ documentId });
    },

    async publish(uid, documentId) {
      if (hasDraftAndPublish(uid)) await documents(uid).publish({ documentId });
    },
  };
}
