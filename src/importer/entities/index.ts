import { EntitiesSchema, type Entities } from '../contract';
import { splitClauses } from './clauses';
import { figuresInClause } from './figures';
import { extractOfficials } from './officials';
import { extractResearchPlatforms } from './platforms';
import { mergeProjects, projectsInClause } from './projects';

export interface EntityContext {
  /** Every reporter named in any byline on the page: reporters are never officials. */
  reporters: string[];
}

/** Entities of one article, from its paragraphs (lines joined, layout spaces and byline removed). */
export function extractEntities(paragraphs: string[], context: EntityContext): Entities {
  const clauses = paragraphs.flatMap(splitClauses).map((clause) => clause.text);
  // Projects and figures read the same clauses; figures need to know where project names stand.
  const projects = clauses.map(projectsInClause);
  return EntitiesSchema.parse({
    officials: extractOfficials(paragraphs, context.reporters),
    projects: mergeProjects(projects.flat()),
    researchPlatforms: extractResearchPlatforms(paragraphs),
    figures: clauses.flatMap((clause, index) => figuresInClause(clause, projects[index])),
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
