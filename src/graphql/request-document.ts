import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  KnownFragmentNamesRule,
  NoFragmentCyclesRule,
  parse,
  validate,
} from 'graphql';

/**
 * Strapi's depth rule (graphql-depth-limit) follows fragment spreads without remembering them,
 * so `fragment A on Article { ...A }` overflows the stack inside Apollo's validation, where every
 * rule runs at once and no plugin hook can stop it first. The document is therefore checked with
 * graphql-js's own fragment rules before Apollo sees it. Those rules look at fragment names only,
 * so a one-field schema is enough to run them.
 */
const NAMES_ONLY_SCHEMA = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { unused: { type: GraphQLString } } }),
});

/** The first reason the document's fragments cannot be followed, if any; syntax errors are Apollo's to report. */
export function fragmentProblem(query: string, maxTokens: number): string | undefined {
  let document;
  try {
    document = parse(query, { maxTokens });
  } catch {
    return undefined;
  }
  const [error] = validate(NAMES_ONLY_SCHEMA, document, [NoFragmentCyclesRule, KnownFragmentNamesRule]);
  return error?.message;
}
