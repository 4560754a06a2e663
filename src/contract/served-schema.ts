import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/**
 * The GraphQL schema Apollo serves, as Apollo hands it to its plugins when it starts: the
 * contract is what clients get, not a second build of it. config/plugins.ts installs the plugin.
 */
// On globalThis: scripts run this file from src/ (tsx) while Strapi loads it from dist/, as two modules.
const SERVED = Symbol.for('newsroom.servedGraphqlSchema');
const holder = globalThis as { [SERVED]?: GraphQLSchema };

export const captureServedSchema = {
  async serverWillStart({ schema }: { schema: GraphQLSchema }) {
    holder[SERVED] = schema;
  },
};

/** The served schema as SDL, types in alphabetical order so the committed file diffs cleanly. */
export function servedSchemaText(): string {
  const served = holder[SERVED];
  if (!served) throw new Error('The GraphQL server has not started yet');
  return `${printSchema(lexicographicSortSchema(served))}\n`;
}
