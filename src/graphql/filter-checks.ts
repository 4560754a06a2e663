import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STRING_TYPES, TEXT_MATCH } from '../limits/query-schema';

/**
 * GraphQL's generated filter inputs offer the text operators on every scalar (`startsWith` on a
 * DateTime, `containsi` on an Int), and Strapi turns them into LIKE or LOWER on the column: on
 * PostgreSQL, on anything but text, that is a SQL error and a 500. The REST validator
 * (query-schema.ts) refuses them by attribute type; this is its twin for GraphQL's arguments,
 * which arrive already parsed and typed by the schema, so only the operators need checking.
 */
/** The REST validator's text operators as GraphQL names them, without the `$`. */
const TEXT_OPERATORS = new Set(TEXT_MATCH.map((operator) => operator.slice(1)));
const LOGICAL = new Set(['and', 'or', 'not']);

type Attribute = { type: string; target?: string; component?: string };
type Model = { attributes: Record<string, Attribute> };

function attributeOf(model: Model, name: string): Attribute | undefined {
  if (name === 'documentId') return { type: 'string' };
  return model.attributes[name];
}

function check(strapi: Core.Strapi, model: Model, filters: unknown, path: string): void {
  if (Array.isArray(filters)) {
    filters.forEach((item, index) => check(strapi, model, item, `${path}[${index}]`));
    return;
  }
  if (filters === null || typeof filters !== 'object') return;
  for (const [name, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.has(name)) {
      check(strapi, model, value, `${path}.${name}`);
      continue;
    }
    const attribute = attributeOf(model, name);
    if (!attribute) continue; // the schema only lets known fields through
    const nested = attribute.type === 'relation' ? attribute.target : attribute.type === 'component' ? attribute.component : undefined;
    if (nested) {
      const target = strapi.getModel(nested as never) as unknown as Model | undefined;
      if (target) check(strapi, target, value, `${path}.${name}`);
      continue;
    }
    if (STRING_TYPES.has(attribute.type) || value === null || typeof value !== 'object') continue;
    for (const operator of Object.keys(value as Record<string, unknown>)) {
      if (TEXT_OPERATORS.has(operator)) {
        throw new errors.ValidationError(`${path}.${name}: operator ${operator} does not apply to a ${attribute.type} field`);
      }
      if (LOGICAL.has(operator)) {
        const inner = (value as Record<string, unknown>)[operator];
        for (const item of Array.isArray(inner) ? inner : [inner]) check(strapi, model, { [name]: item }, `${path}.${name}.${operator}`);
      }
    }
  }
}

/** Throws Strapi's ValidationError (a BAD_USER_INPUT error in GraphQL) for a text operator on a field that is not text. */
export function checkGraphqlFilters(strapi: Core.Strapi, uid: string, filters: unknown): void {
  const model = strapi.getModel(uid as never) as unknown as Model | undefined;
  if (model) check(strapi, model, filters, 'filters');
}
