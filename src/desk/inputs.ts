import { z } from 'zod';
import { errors } from '@strapi/utils';
import { IsoDateSchema } from '../importer';

/**
 * A printed page is 10–40 KB; the admin takes pages up to 512 KiB (base64 in a JSON body, which
 * Strapi's body parser caps at 1 MB). Larger files are refused before anything reads them.
 */
export const MAX_UPLOAD_BYTES = 512 * 1024;
const MAX_BASE64_LENGTH = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

const DocumentIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'expected a documentId');

export const PageUploadSchema = z.object({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\u0000-\u001f]+\.txt$/i, 'expected a page file name ending in .txt (no folders)'),
  /** The file's bytes in base64: pages come in several encodings, decoded as the CLI decodes them. */
  content: z
    .string()
    .max(MAX_BASE64_LENGTH, `file too large: pages up to ${MAX_UPLOAD_BYTES / 1024} KiB are accepted`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected the file content in base64'),
  issueDate: IsoDateSchema.nullable().default(null),
  page: z.string().trim().min(1).max(16).nullable().default(null),
  restoreDeleted: z.boolean().default(false),
});
export type PageUpload = z.infer<typeof PageUploadSchema>;

export const RunStartSchema = z.object({ publish: z.boolean().default(false) });

export const RunIdParamsSchema = z.object({ id: DocumentIdSchema });
export const DocumentParamsSchema = z.object({ documentId: DocumentIdSchema });

export const ReviewSchema = z.object({
  documentIds: z.array(DocumentIdSchema).min(1).max(100),
  publish: z.boolean().default(false),
});

export const ENTITY_TYPES = ['officials', 'projects', 'research-platforms'] as const;
export const EntityParamsSchema = z.object({ type: z.enum(ENTITY_TYPES), documentId: DocumentIdSchema });
export const MergeSchema = z.object({ into: DocumentIdSchema });
export const EntityTypeParamsSchema = z.object({ type: z.enum(ENTITY_TYPES) });
export const ReviewQueueQuerySchema = z.object({ filter: z.enum(['all', 'flagged', 'generated-title', 'low-confidence']).default('all') });
/** The rows of one page of the content manager's list: `?documentIds=a,b,c`. */
export const ArticleDoubtsQuerySchema = z.object({
  documentIds: z
    .string()
    .max(100 * 65)
    .transform((list) => list.split(',').filter(Boolean))
    .pipe(z.array(DocumentIdSchema).min(1).max(100)),
});
export const LinkSchema = z.object({ type: z.enum(ENTITY_TYPES), name: z.string().trim().min(2).max(100).regex(/^[^\n]+$/u, 'one line of printed text') });
export const UnlinkParamsSchema = z.object({ documentId: DocumentIdSchema, type: z.enum(ENTITY_TYPES), entity: DocumentIdSchema });
export const CandidateQuerySchema = z.object({ q: z.string().trim().max(50).default('') });
export const ArticleDeleteSchema = z.object({ alsoDelete: z.array(DocumentIdSchema).max(100).default([]) });

/** Parses a route input or answers 400 with every problem, as Strapi's own validation does. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const message = result.error.issues.map((issue) => `${[source, ...issue.path].join('.')}: ${issue.message}`).join('; ');
    throw new errors.ValidationError(message);
  }
  return result.data;
}
