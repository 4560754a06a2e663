import { z } from 'zod';
import { CreditRoleSchema, IsoDateSchema, ProjectStageSchema } from '../importer';

/**
 * A gold file says what an editor would check on one page, written from the page alone: see
 * tests/fixtures/pages/README.md. It is deliberately terser than the extraction, so that it can be
 * written by hand: credits as `name:role`, officials as name → titles, figures as triples.
 */

const text = z.string().trim().min(1);
const lineRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([first, last]) => first <= last, { message: 'first line must not come after last line' });

const creditRoles = CreditRoleSchema.options.join('|');
const credit = z
  .string()
  .regex(new RegExp(`^[^:]+:(?:${creditRoles})$`), { message: `expected "name:role" with role ${creditRoles}` });

export const GoldArticleSchema = z.strictObject({
  /** 1-based first and last line, headline and credit lines included. */
  lines: lineRange,
  /** The printed headline, with the kicker printed above the title if any; null when there is none. */
  headline: z.strictObject({ kicker: text.nullable().default(null), title: text, subtitle: text.nullable() }).nullable(),
  sourceTag: text.nullable(),
  outlet: text.nullable(),
  credits: z.array(credit),
  dateline: text.nullable(),
  eventDate: IsoDateSchema.nullable(),
  continuedOn: text.nullable().default(null),
  continuedFrom: text.nullable().default(null),
  /** The first characters of every paragraph, in order (see PARAGRAPH_START_LENGTH). */
  paragraphs: z.array(text).min(1),
  officials: z.record(text, z.array(text)).default({}),
  projects: z.record(text, ProjectStageSchema.nullable()).default({}),
  platforms: z.array(z.strictObject({ name: text, kind: text, host: text.nullable() })).default([]),
  figures: z.array(z.tuple([text, z.number().finite(), text.nullable()])).default([]),
  reviewFlags: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).default([]),
});

export const GoldPageSchema = z.strictObject({
  /** The page file, relative to the gold file; by default the gold file's name with `.txt`. */
  page: text.optional(),
  issueDate: IsoDateSchema.nullable(),
  articles: z.array(GoldArticleSchema),
  /** Line ranges of printed text that belongs to no article (page furniture, fragments). */
  unassigned: z.array(lineRange).default([]),
});

export type GoldArticle = z.infer<typeof GoldArticleSchema>;
export type GoldPage = z.infer<typeof GoldPageSchema>;
