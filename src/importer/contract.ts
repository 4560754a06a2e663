import { z } from 'zod';

/**
 * The extraction contract: what `npm run extract -- <file>` prints and what the loader consumes.
 * Every stage of the parser ends in one of these schemas, so a rule that produces a malformed
 * result fails loudly at the boundary instead of writing nonsense into the database.
 */

export const PROJECT_STAGES = ['in_production', 'groundbreaking', 'signed'] as const;
export const ProjectStageSchema = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof ProjectStageSchema>;

const nonEmpty = z.string().trim().min(1);

export const OfficialMentionSchema = z.object({
  name: nonEmpty,
  titles: z.array(nonEmpty),
});

export const ProjectMentionSchema = z.object({
  name: nonEmpty,
  stage: ProjectStageSchema.nullable(),
});

export const ResearchPlatformMentionSchema = z.object({
  name: nonEmpty,
  nameGenerated: z.boolean(),
  kind: nonEmpty,
  host: nonEmpty.nullable(),
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

export const ArticleExtractionSchema = z
  .object({
    key: nonEmpty,
    title: nonEmpty,
    subtitle: nonEmpty.nullable(),
    titleGenerated: z.boolean(),
    outlet: nonEmpty.nullable(),
    reporters: z.array(nonEmpty),
    dateline: nonEmpty.nullable(),
    continuedOn: nonEmpty.nullable(),
    paragraphs: z.array(nonEmpty).min(1),
    lines: LineSpanSchema,
  })
  .extend(EntitiesSchema.shape);

export const ExtractionSchema = z.object({
  source: z.object({
    file: nonEmpty,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  articles: z.array(ArticleExtractionSchema).min(1),
});

export type OfficialMention = z.infer<typeof OfficialMentionSchema>;
export type ProjectMention = z.infer<typeof ProjectMentionSchema>;
export type ResearchPlatformMention = z.infer<typeof ResearchPlatformMentionSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Entities = z.infer<typeof EntitiesSchema>;
export type ArticleExtraction = z.infer<typeof ArticleExtractionSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;
