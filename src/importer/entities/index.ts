import { EntitiesSchema, type Entities } from '../extraction-schema';
import { splitClauses } from './clauses';
import { figuresInClause } from './figures';
import { extractOfficials } from './officials';
import { extractResearchPlatforms } from './platforms';
import { articleStage, mergeProjects, projectsInParagraph, type LocatedProject } from './projects';

export interface EntityContext {
  /** Every reporter named in any byline on the page: reporters are never officials. */
  reporters: string[];
}

/** The projects standing in each clause of a paragraph, their offsets counted from the clause. */
function projectsByClause(clauses: ReadonlyArray<{ text: string; start: number }>, projects: readonly LocatedProject[]): LocatedProject[][] {
  let next = 0;
  return clauses.map((clause) => {
    const end = clause.start + clause.text.length;
    while (next < projects.length && projects[next]!.start < clause.start) next += 1;
    const inClause: LocatedProject[] = [];
    for (let index = next; index < projects.length && projects[index]!.start < end; index += 1) {
      const project = projects[index]!;
      if (project.end <= end) inClause.push({ ...project, start: project.start - clause.start, end: project.end - clause.start });
    }
    return inClause;
  });
}

/** Entities of one article, from its paragraphs (lines joined, layout spaces and byline removed). */
export function extractEntities(paragraphs: string[], context: EntityContext): Entities {
  const event = articleStage(paragraphs);
  const projects = paragraphs.map((paragraph) => projectsInParagraph(paragraph, event));
  // Figures need to know where project names stand: a number inside a name is no figure.
  const figures = paragraphs.flatMap((paragraph, index) => {
    const clauses = splitClauses(paragraph);
    const located = projectsByClause(clauses, projects[index]!);
    return clauses.flatMap((clause, clauseIndex) => figuresInClause(clause.text, located[clauseIndex]));
  });
  return EntitiesSchema.parse({
    officials: extractOfficials(paragraphs, context.reporters),
    projects: mergeProjects(projects.flat()),
    researchPlatforms: extractResearchPlatforms(paragraphs),
    figures,
  });
}

/** Every name, title, kind, host and label printed as the page printed it (articles/reprint.ts). */
export function reprintEntities(entities: Entities, reprint: (text: string) => string): Entities {
  return {
    officials: entities.officials.map((official) => ({ ...official, name: reprint(official.name), titles: official.titles.map(reprint) })),
    projects: entities.projects.map((project) => ({ ...project, name: reprint(project.name) })),
    researchPlatforms: entities.researchPlatforms.map((platform) => ({
      ...platform,
      name: reprint(platform.name),
      kind: reprint(platform.kind),
      host: platform.host === null ? null : reprint(platform.host),
    })),
    figures: entities.figures.map((figure) => ({ ...figure, label: reprint(figure.label), unit: figure.unit === null ? null : reprint(figure.unit) })),
  };
}
