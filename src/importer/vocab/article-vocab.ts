import { z } from 'zod';
import { CreditRoleSchema } from '../extraction-schema';
import bylinesJson from './bylines.json';
import continuationsJson from './continuations.json';
import datelinesJson from './datelines.json';
import furnitureJson from './furniture.json';
import leadsJson from './leads.json';

/**
 * Word lists live in data files so an editor can extend them for another paper without touching
 * code; they are validated once at load so a typo fails at startup, not as a silent non-match.
 */

const word = z.string().trim().min(1);

const pattern = word.refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const BylineVocabSchema = z.object({
  sourceTags: z.array(word).min(1),
  sourceTagPatterns: z.array(pattern),
  /**
   * How any paper's source tag ends (`讯`, `电`, `消息`): outlet, place and date before one of these
   * (`某某日报·某某客户端2月25日讯`) is a tag where a credit in brackets follows it.
   */
  sourceTagEndings: z.array(word).min(1),
  /** Words an outlet's name ends in (`报`, `网`, `台`): a tag with one needs no credit after it. */
  outletWords: z.array(word).min(1),
  /** Role word as printed before names → the credit's role. */
  creditRoles: z.record(word, CreditRoleSchema).refine((roles) => Object.keys(roles).length > 0, { message: 'needs at least one role word' }),
  /** What the person contributed, printed beside the names (`文/图`, `摄`); the role when no role word is printed. */
  creditWorks: z.record(word, CreditRoleSchema),
  /** Symbols that open a credit line of its own (`□晚报记者 甲`). */
  creditMarkers: z.array(z.string().length(1)),
  /** Names printed without any role word (`（甲某 乙某）`). */
  unlabelledCredit: z.object({ role: CreditRoleSchema, printedRole: word }),
  /** Symbols pointing at a picture from its caption (`▲市民在…`); not part of the caption's text. */
  captionMarkers: z.array(z.string().length(1)),
  /**
   * Words that print a wire feature's own title in its dispatch (`某社某地5月1日电 题：……`), the
   * reporters' names then on a line of their own under it.
   */
  dispatchTitleWords: z.array(word),
});

const ContinuationVocabSchema = z.object({
  continuedOnVerbs: z.array(word).min(1),
  continuedFromVerbs: z.array(word).min(1),
});

const DatelineVocabSchema = z.object({
  /** Relative day words and their offset from the issue date (昨日 → -1). */
  relativeDays: z.record(word, z.number().int().max(0)),
  /** Words that say "recently" without a date (日前, 近日): the event date stays unknown. */
  vague: z.array(word),
});

const FurnitureVocabSchema = z.object({
  /** A line without sentence punctuation matching any of these is page furniture (header, footer). */
  patterns: z.array(pattern).min(1),
});

const LeadVocabSchema = z.object({
  attributionClauses: z.array(pattern),
  timeWords: z.array(word),
  maxTimeClauseLength: z.number().int().positive(),
  maxTitleLength: z.number().int().positive(),
  titleBreakWords: z.array(word),
  /** Single characters no headline ends with (的, 及, 涉…): a short block ending in one goes on as text. */
  unfinishedEndings: z.array(z.string().length(1)),
});

export type BylineVocab = z.infer<typeof BylineVocabSchema>;
export type ContinuationVocab = z.infer<typeof ContinuationVocabSchema>;
export type DatelineVocab = z.infer<typeof DatelineVocabSchema>;
export type FurnitureVocab = z.infer<typeof FurnitureVocabSchema>;
export type LeadVocab = z.infer<typeof LeadVocabSchema>;

export const bylineVocab: BylineVocab = BylineVocabSchema.parse(bylinesJson);
export const continuationVocab: ContinuationVocab = ContinuationVocabSchema.parse(continuationsJson);
export const datelineVocab: DatelineVocab = DatelineVocabSchema.parse(datelinesJson);
export const furnitureVocab: FurnitureVocab = FurnitureVocabSchema.parse(furnitureJson);
export const leadVocab: LeadVocab = LeadVocabSchema.parse(leadsJson);
