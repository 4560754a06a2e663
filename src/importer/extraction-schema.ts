import { z } from 'zod';

/**
 * The extraction contract: what `npm run extract -- <file>` prints and what the loader consumes.
 * Every stage of the parser ends in one of these schemas, so a rule that produces a malformed
 * result fails loudly at the boundary instead of writing nonsense into the database.
 */

/** From the first step to the last: signed (签约), groundbreaking (开工), completed (竣工), in production (投产). */
export const PROJECT_STAGES = ['signed', 'groundbreaking', 'completed', 'in_production'] as const;
export const ProjectStageSchema = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStageSchema>;

/**
 * What a credited person did. `reporter` covers newsroom reporters of every rank (首席记者,
 * 见习记者…); correspondents (通讯员) and interns (实习生) are credited but are not reporters.
 */
export const CREDIT_ROLES = ['reporter', 'correspondent', 'intern', 'photographer', 'other'] as const;
export const CreditRoleSchema = z.enum(CREDIT_ROLES);
export type CreditRole = z.infer<typeof CreditRoleSchema>;

const nonEmpty = z.string().trim().min(1);
/**
 * How sure the rules are of an item, in [0, 1], from the evidence that produced it: what raises
 * and lowers it is documented in the README ("Confidence"). Editors are shown low ones first.
 */
export const ConfidenceSchema = z.number().min(0).max(1);
export const IsoDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const CreditSchema = z.object({
  name: nonEmpty,
  role: CreditRoleSchema,
  /** The role words as printed for this person (`首席记者`, `通讯员`, `摄影`, `记者 文/图`). */
  printedRole: nonEmpty,
  confidence: ConfidenceSchema,
});

export const OfficialMentionSchema = z
  .object({
    name: nonEmpty,
    titles: z.array(nonEmpty),
    confidence: ConfidenceSchema,
    /** One per title, in the same order. */
    titleConfidences: z.array(ConfidenceSchema),
  })
  .refine((official) => official.titleConfidences.length === official.titles.length, {
    message: 'one confidence per title',
  });

export const ProjectMentionSchema = z.object({
  name: nonEmpty,
  stage: ProjectStageSchema.nullable(),
  confidence: ConfidenceSchema,
  /** How sure the stage is; 1 where no stage is claimed. */
  stageConfidence: ConfidenceSchema,
});

export const ResearchPlatformMentionSchema = z.object({
  name: nonEmpty,
  nameGenerated: z.boolean(),
  kind: nonEmpty,
  host: nonEmpty.nullable(),
  confidence: ConfidenceSchema,
  /** How sure the host is; 1 where no host is claimed. */
  hostConfidence: ConfidenceSchema,
});

export const FigureSchema = z.object({
  label: nonEmpty,
  value: z.number().finite(),
  unit: nonEmpty.nullable(),
});

export const EntitiesSchema = z.object({
  officials: z.array(OfficialMentionSchema),
  projects: z.array(ProjectMentionSchema),
  researchPlatforms: z.array(ResearchPlatformMentionSchema),
  figures: z.array(FigureSchema),
});

export const LineSpanSchema = z
  .object({ first: z.number().int().positive(), last: z.number().int().positive() })
  .refine((span) => span.first <= span.last, { message: 'first line must not come after last line' });

/**
 * Something about an article the rules could not settle, for the editor who reviews it: an
 * unknown credit form, boundaries inferred from layout alone, a headline that fits no article.
 * The article is still imported; the flag says where to look.
 */
export const ReviewFlagSchema = z.object({
  /** Stable machine-readable reason, e.g. `no-credit`, `unknown-credit`, `boundary-inferred`. */
  code: z.string().regex(/^[a-z][a-z0-9-]*$/),
  message: nonEmpty,
  /** 1-based page line the flag is about, when there is one. */
  line: z.number().int().positive().nullable(),
});

export const ArticleExtractionSchema = z
  .object({
    key: nonEmpty,
    /** The kicker (引题) printed above the title, when the headline has three parts. */
    kicker: nonEmpty.nullable(),
    title: nonEmpty,
    subtitle: nonEmpty.nullable(),
    titleGenerated: z.boolean(),
    /** Source tag as printed (`本报讯`, `本报郑州讯`), null when the article has none. */
    sourceTag: nonEmpty.nullable(),
    outlet: nonEmpty.nullable(),
    /** Newsroom reporters (credits with role `reporter`), in printed order. */
    reporters: z.array(nonEmpty),
    /** Everyone credited, in printed order, with their role. */
    credits: z.array(CreditSchema),
    /** As printed: `1月28日`, `昨日`, `日前`. */
    dateline: nonEmpty.nullable(),
    /** The dateline resolved against the issue date where that is exact; null when vague or unknown. */
    eventDate: IsoDateSchema.nullable(),
    continuedOn: nonEmpty.nullable(),
    /** Page the article's beginning is printed on (`上接A01版`), when this is a continuation. */
    continuedFrom: nonEmpty.nullable(),
    paragraphs: z.array(nonEmpty).min(1),
    lines: LineSpanSchema,
    /** How sure the rules are of where the article begins and ends (every boundary decision). */
    confidence: ConfidenceSchema,
    reviewFlags: z.array(ReviewFlagSchema),
  })
  .extend(EntitiesSchema.shape);

/** Printed text that belongs to no article (page furniture, an unreadable fragment), with its lines. */
export const UnassignedTextSchema = z.object({
  lines: LineSpanSchema,
  /** The lines exactly as printed, joined with `\n`. */
  text: nonEmpty,
  /** Why no article took it, for the import report and the editors' desk. */
  reason: nonEmpty,
});

export const ExtractionSchema = z.object({
  source: z.object({
    file: nonEmpty,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** The issue date the extraction was resolved against (from the manifest or --issue-date). */
  issueDate: IsoDateSchema.nullable(),
  articles: z.array(ArticleExtractionSchema),
  unassigned: z.array(UnassignedTextSchema),
});

export type Credit = z.infer<typeof CreditSchema>;
export type OfficialMention = z.infer<typeof OfficialMentionSchema>;
export type ProjectMention = z.infer<typeof ProjectMentionSchema>;
export type ResearchPlatformMention = z.infer<typeof ResearchPlatformMentionSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Entities = z.infer<typeof EntitiesSchema>;
export type ReviewFlag = z.infer<typeof ReviewFlagSchema>;
export type UnassignedText = z.infer<typeof UnassignedTextSchema>;
export type ArticleExtraction = z.infer<typeof ArticleExtractionSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;
