import { EntitiesSchema, type Entities } from '../contract';
import { extractFigures } from './figures';
import { extractOfficials } from './officials';
import { extractResearchPlatforms } from './platforms';
import { extractProjects } from './projects';

export interface EntityContext {
  /** Every reporter named in any byline on the page: reporters are never officials. */
  reporters: string[];
}

/** Entities of one article, from its paragraphs (lines joined, layout spaces and byline removed). */
export function extractEntities(paragraphs: string[], context: EntityContext): Entities {
  const projects = extractProjects(paragraphs);
  return EntitiesSchema.parse({
    officials: extractOfficials(paragraphs, context.reporters),
    projects,
    researchPlatforms: extractResearchPlatforms(paragraphs),
    figures: extractFigures(
      paragraphs,
      projects.map((project) => project.name),
    ),
  });
}
