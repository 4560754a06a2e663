import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getNamedType,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Limits } from '../../config/limits';
import { deadlineOf, timeBudgetMessage } from '../limits/deadline';
import { jsonObjectDepth } from '../limits/json-depth';

export interface GraphqlLimitsOptions {
  limits: Limits;
  /** The GraphQL plugin's list sizes: a list without `pagination` holds defaultLimit entries, at most maxLimit. */
  defaultLimit: number;
  maxLimit: number;
}

function rejection(message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status } } });
}

/**
 * A repeatable component holds what editors and the importer put in it (a few credits, a few
 * posts), whatever the client asks: the query cannot make it longer, so it counts as this many.
 */
const COMPONENT_LIST_ENTRIES = 4;

/** Strapi names a component's GraphQL type after its global id, `Component<Category><Name>`. */
function isComponentType(typeName: string): boolean {
  return /^Component[A-Z]/.test(typeName);
}

/**
 * Cost = fields × list sizes. Strapi's list fields (`articles`, `articles_connection`, relation
 * lists, repeatable components) take a `pagination` argument; their children are counted once per
 * entry the list may hold, so aliases, nesting and page sizes all multiply as they do at run time.
 */
function listSizeEstimator({ defaultLimit, maxLimit }: GraphqlLimitsOptions): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!field.args.some((arg) => arg.name === 'pagination')) return 1 + childComplexity;
    if (isComponentType(getNamedType(field.type).name)) return 1 + COMPONENT_LIST_ENTRIES * childComplexity;
    const pagination = (args.pagination ?? {}) as { limit?: number; pageSize?: number };
    const requested = pagination.limit ?? pagination.pageSize ?? defaultLimit;
    const entries = requested < 0 || requested > maxLimit ? maxLimit : Math.max(requested, 1);
    return 1 + entries * childComplexity;
  };
}

/** Root fields after fragments are flattened: each one is a separate database query. */
function countRootFields(selectionSet: SelectionSetNode, document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  let count = 0;
  const pending: SelectionSetNode[] = [selectionSet];
  const seen = new Set<string>();
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) count += 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return count;
}

/**
 * Deepest nesting of input objects written in the document (filters are input objects), and
 * whether a string in it holds a NUL character, which PostgreSQL refuses with an error.
 */
function inspectArguments(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { depth: number; nul: boolean; badBetween: boolean } {
  let depth = 0;
  let deepest = 0;
  let nul = false;
  let badBetween = false;
  visit(operation, {
    // `between: "a"` is coerced to a one-element list, which the query builder asserts on.
    ObjectField(node) {
      if (node.name.value !== 'between') return;
      const { value } = node;
      if (value.kind === Kind.LIST) badBetween ||= value.values.length !== 2;
      else if (value.kind === Kind.VARIABLE) badBetween ||= !isPair(variables[value.name.value]);
      else badBetween = true;
    },
    ObjectValue: {
      enter() {
        depth += 1;
        deepest = Math.max(deepest, depth);
      },
      leave() {
        depth -= 1;
      },
    },
    StringValue(node) {
      if (node.value.includes('\u0000')) nul = true;
    },
  });
  return { depth: deepest, nul, badBetween };
}

/** An omitted variable drops the field; anything else must be two values. */
const isPair = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 2);

/** Whether a `between` anywhere in a JSON value (already bounded in depth) is not a pair. */
function hasBadBetween(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => (key === 'between' && !isPair(child)) || hasBadBetween(child));
}

/** Whether a string anywhere in a JSON value (already bounded in depth) holds a NUL character. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => key.includes('\u0000') || containsNul(child));
}

function checkOperation(
  requestContext: GraphQLRequestContext<Record<string, unknown>>,
  options: GraphqlLimitsOptions,
): void {
  const { document, operation, schema, request } = requestContext;
  if (!document || !operation) return;
  const { graphql, maxFilterDepth } = options.limits;
  if (operation.operation === 'subscription') throw rejection('Subscriptions are not supported.');

  const rootFields = countRootFields(operation.selectionSet, document);
  if (rootFields > graphql.maxRootFields) {
    throw rejection(`Too many root fields: ${rootFields}, at most ${graphql.maxRootFields} per operation.`);
  }

  const written = inspectArguments(operation, request.variables ?? {});
  const variablesDepth = jsonObjectDepth(request.variables ?? {}, maxFilterDepth + 1) - 1;
  if (written.depth > maxFilterDepth || variablesDepth > maxFilterDepth) {
    throw rejection(`Arguments are nested too deeply: at most ${maxFilterDepth} levels of input objects (filters and/or included).`);
  }
  if (written.nul || containsNul(request.variables ?? {})) {
    throw rejection('Arguments must not contain a NUL character.');
  }
  if (written.badBetween || hasBadBetween(request.variables ?? {})) {
    throw rejection('The between filter takes exactly two values: between: [low, high].');
  }

  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
      estimators: [listSizeEstimator(options)],
    });
  } catch {
    // Variables that do not fit their types: execution refuses them before resolving anything,
    // with Apollo's own 400 naming the variable.
    return;
  }
  if (cost > graphql.maxCost) {
    throw rejection(
      `Query too expensive: its estimated cost (fields × list sizes) is ${cost}, the limit is ${graphql.maxCost}. ` +
        'Ask for fewer fields, smaller pages (pagination) or fewer nested lists.',
    );
  }
}

/**
 * The Apollo plugin that bounds each operation before it runs (root fields, input nesting, cost)
 * and stops resolving once the request's time budget is spent. Fragment cycles are refused
 * before Apollo sees the document (src/middlewares/graphql-request.ts).
 */
function limitsPlugin(options: GraphqlLimitsOptions): ApolloServerPlugin<Record<string, unknown>> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          checkOperation(requestContext, options);
        },
        async executionDidStart(requestContext) {
          const deadline = deadlineOf(requestContext.contextValue);
          if (deadline === undefined) return;
          return {
            willResolveField() {
              if (Date.now() > deadline) throw rejection(timeBudgetMessage(options.limits.requestBudgetMs), 503);
            },
          };
        },
      };
    },
  };
}

/** Everything config/plugins.ts hands to Apollo: plugins, validation rules and parser options. */
export function graphqlLimits(options: GraphqlLimitsOptions): {
  plugins: ApolloServerPlugin<Record<string, unknown>>[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { graphql } = options.limits;
  const armor = new ApolloArmor({
    maxAliases: { n: graphql.maxAliases },
    maxDirectives: { n: graphql.maxDirectives },
    maxDepth: { n: graphql.maxDepth, flattenFragments: true },
    // Cost is measured with list sizes by limitsPlugin; tokens by the parser itself.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors does this in production only.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...(armor.plugins as ApolloServerPlugin<Record<string, unknown>>[]), limitsPlugin(options)],
    validationRules: armor.validationRules as ValidationRule[],
    parseOptions: { maxTokens: graphql.maxTokens },
  };
}
