import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils, errors } from '@strapi/utils';
import { z } from 'zod';
import type { Limits } from '../../config/limits';
import { storageLayout } from '../strapi-rows';
import { jsonObjectDepth } from './json-depth';

/**
 * Content-API query parameters (filters, sort, fields, populate, pagination…) checked against
 * the content types before they reach the database, so a malformed query is a 400 that names
 * the problem instead of a SQL error. Built from `strapi.contentTypes` and `strapi.components`
 * alone: a new attribute, component or relation is covered without touching this file.
 *
 * What a client may query is what the content API shows: every attribute Strapi's output
 * sanitizer keeps, the system timestamps `createdAt`, `updatedAt` and `publishedAt` included
 * (Strapi calls them not "visible", which is about the admin's edit view, yet every REST
 * response carries them). Hidden attributes (private, passwords, relations to admin or
 * users-permissions models, morph relations) are answered exactly like names that do not
 * exist, with Strapi's own wording (`Invalid key <name>`), so their existence cannot be probed.
 */

type Attribute = { type: string; [key: string]: any };
type Model = { uid: string; modelType: string; attributes: Record<string, Attribute>; options?: Record<string, unknown> };

const NUL = '\u0000';
const INT32 = { min: -2147483648, max: 2147483647 };
const INT64_DIGITS = 19;

/** Attribute types stored as text: the only ones LIKE and LOWER apply to on every database. */
export const STRING_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const INTEGER_TYPES = new Set(['integer', 'biginteger']);
const DECIMAL_TYPES = new Set(['float', 'decimal']);
const TEMPORAL_TYPES = new Set(['date', 'datetime', 'time', 'timestamp']);

const COMPARISON = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull'];
/** Operators that compare text (LIKE, LOWER), in Strapi's `$` form. */
export const TEXT_MATCH = [
  '$eqi', '$nei', '$contains', '$notContains', '$containsi', '$notContainsi',
  '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
];
const PRESENCE = ['$null', '$notNull'];
const BOOLEAN_OPS = ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull'];

const QUERY_KEYS = ['filters', 'sort', 'fields', 'populate', 'pagination', 'status', 'locale', 'publicationFilter', '_q'];
const PUBLICATION_FILTERS = [
  'never-published', 'has-published-version', 'modified', 'unmodified', 'never-published-document',
  'has-published-version-document', 'published-without-draft', 'published-with-draft',
];

const text = (max = 1000) =>
  z
    .string({ error: 'expected a text value' })
    .max(max, `at most ${max} characters`)
    .refine((value) => !value.includes(NUL), 'must not contain a NUL character');

const integerText = (min: number, max: number) =>
  text(24).refine((value) => {
    if (!/^-?\d+$/.test(value)) return false;
    const number = Number(value);
    return value.replace('-', '').length <= INT64_DIGITS && number >= min && number <= max;
  }, `expected a whole number between ${min} and ${max}`);

const decimalText = text(64).refine(
  (value) => /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) && Number.isFinite(Number(value)),
  'expected a finite number',
);

const booleanText = text(5).refine(
  (value) => ['true', 'false', 't', 'f', '1', '0'].includes(value.toLowerCase()),
  'expected true or false',
);

const dateText = text(10).refine(
  (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
  'expected a date as YYYY-MM-DD',
);
const timeText = text(12).refine((value) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/.test(value), 'expected a time as HH:mm[:ss]');
const dateTimeText = text(40).refine(
  (value) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)),
  'expected an ISO 8601 date and time',
);

function valueSchemaOf(attribute: Attribute): z.ZodType | undefined {
  const { type } = attribute;
  if (STRING_TYPES.has(type)) return text();
  if (type === 'integer' || type === 'increments') return integerText(INT32.min, INT32.max);
  if (type === 'biginteger') return integerText(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (DECIMAL_TYPES.has(type)) return decimalText;
  if (type === 'boolean') return booleanText;
  if (type === 'date') return dateText;
  if (type === 'time') return timeText;
  if (type === 'datetime' || type === 'timestamp') return dateTimeText;
  return undefined;
}

function operatorsOf(attribute: Attribute): string[] {
  const { type } = attribute;
  if (STRING_TYPES.has(type)) return [...COMPARISON, ...TEXT_MATCH];
  if (INTEGER_TYPES.has(type) || DECIMAL_TYPES.has(type) || TEMPORAL_TYPES.has(type) || type === 'increments') return COMPARISON;
  if (type === 'boolean') return BOOLEAN_OPS;
  // JSON and blocks are stored as text on SQLite and jsonb on PostgreSQL: only presence is portable.
  if (type === 'json' || type === 'blocks') return PRESENCE;
  return [];
}

/** A list given as `a,b` or as `[a, b]` in the query string. */
const listOf = (item: z.ZodType, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
    z.array(item, { error: 'expected a list' }).max(max, `at most ${max} entries`),
  );

export interface QueryValidator {
  /** Throws Strapi's ValidationError (HTTP 400) for a query the content type cannot answer. */
  validate(uid: string, query: Record<string, unknown>): Promise<void>;
}

/** How long the set of publicly readable types is trusted; an admin's change shows within it. */
const READABLE_TYPES_TTL_MS = 5000;

export function createQueryValidator(strapi: Core.Strapi, limits: Limits): QueryValidator {
  const modelOf = (uid: string) => strapi.getModel(uid as any) as unknown as Model | undefined;

  /**
   * What an anonymous client may know exists: the attributes the content API shows, and
   * relations only to types the public may read (an admin-only type stays unknown).
   */
  function exposedAttributes(model: Model, readable: ReadonlySet<string>): [string, Attribute][] {
    return Object.entries(model.attributes).filter(([name, attribute]) => {
      if (contentTypeUtils.isPrivateAttribute(model as any, name)) return false;
      if (attribute.type === 'password') return false;
      if (attribute.type === 'relation') {
        return !attribute.relation.startsWith('morph') && storageLayout(strapi).hasLink(model.uid, name) && readable.has(attribute.target);
      }
      return true;
    });
  }

  const builtIns: [string, Attribute][] = [
    ['id', { type: 'increments' }],
    ['documentId', { type: 'string' }],
  ];
  let readable: ReadonlySet<string> = new Set();
  // What follows from `readable` is built once per type and dropped when `readable` changes.
  const attributeMaps = new Map<string, Map<string, Attribute>>();
  const attributesOf = (model: Model): Map<string, Attribute> => {
    let attributes = attributeMaps.get(model.uid);
    if (!attributes) {
      attributes = new Map([...(model.modelType === 'contentType' ? builtIns : builtIns.slice(0, 1)), ...exposedAttributes(model, readable)]);
      attributeMaps.set(model.uid, attributes);
    }
    return attributes;
  };

  const targetOf = (attribute: Attribute): string | undefined => {
    if (attribute.type === 'relation') return attribute.target;
    if (attribute.type === 'component') return attribute.component;
    if (attribute.type === 'media') return 'plugin::upload.file';
    return undefined;
  };

  const filterSchemas = new Map<string, z.ZodType>();
  function filtersSchema(uid: string): z.ZodType {
    const cached = filterSchemas.get(uid);
    if (cached) return cached;
    const model = modelOf(uid);
    const shape: Record<string, z.ZodType> = {};
    const nested = z.lazy(() => filtersSchema(uid));
    const conditions = z.array(nested, { error: 'expected a list of conditions' }).max(limits.maxFilterListLength);
    shape.$and = conditions.optional();
    shape.$or = conditions.optional();
    shape.$not = nested.optional();
    for (const [name, attribute] of model ? attributesOf(model) : []) {
      const target = targetOf(attribute);
      if (target && attribute.type !== 'media') {
        shape[name] = z.lazy(() => filtersSchema(target)).optional();
        continue;
      }
      const condition = attributeFilterSchema(attribute);
      if (condition) shape[name] = condition.optional();
    }
    const schema = z.strictObject(shape, { error: 'expected an object of conditions' });
    filterSchemas.set(uid, schema);
    return schema;
  }

  function attributeFilterSchema(attribute: Attribute): z.ZodType | undefined {
    const operators = operatorsOf(attribute);
    if (operators.length === 0) return undefined;
    const value = valueSchemaOf(attribute) ?? text();
    const list = z.preprocess(
      (item) => (Array.isArray(item) ? item : [item]),
      z.array(value).max(limits.maxFilterListLength, `at most ${limits.maxFilterListLength} values`),
    );
    const byOperator: Record<string, z.ZodType> = {
      $in: list,
      $notIn: list,
      $between: z.array(value, { error: 'expected two values' }).length(2, '$between needs exactly two values'),
      $null: booleanText,
      $notNull: booleanText,
    };
    const shape: Record<string, z.ZodType> = {};
    for (const operator of operators) shape[operator] = (byOperator[operator] ?? value).optional();
    let condition: z.ZodType;
    shape.$not = z.lazy(() => condition).optional();
    const operatorsObject = z.strictObject(shape, { error: 'expected a value or an object of operators' });
    // `filters[title]=x` means $eq and `filters[title][0]=x` means $in, as in Strapi.
    condition = z.preprocess((input) => {
      if (typeof input === 'string' && operators.includes('$eq')) return { $eq: input };
      if (Array.isArray(input) && operators.includes('$in')) return { $in: input };
      return input;
    }, operatorsObject);
    return condition;
  }

  function sortablePath(uid: string, segments: string[]): boolean {
    const model = modelOf(uid);
    if (!model || segments.length === 0) return false;
    const attribute = attributesOf(model).get(segments[0]);
    if (!attribute) return false;
    const target = targetOf(attribute);
    if (target) return attribute.type !== 'media' && sortablePath(target, segments.slice(1));
    return segments.length === 1 && !['json', 'blocks'].includes(attribute.type);
  }

  function sortIssues(uid: string, sort: unknown, path: string[] = []): string | undefined {
    const direction = /^(asc|desc)$/i;
    if (typeof sort === 'string') {
      for (const entry of sort.split(',')) {
        const [field, order, ...rest] = entry.trim().split(':');
        if (rest.length > 0 || (order !== undefined && !direction.test(order))) {
          return `Invalid sort direction in "${entry}": use asc or desc`;
        }
        if (!sortablePath(uid, [...path, ...field.split('.')])) return `Invalid key ${field}`;
      }
      return undefined;
    }
    if (Array.isArray(sort)) {
      if (sort.length > limits.maxFilterListLength) return `sort: at most ${limits.maxFilterListLength} entries`;
      for (const entry of sort) {
        const issue = sortIssues(uid, entry, path);
        if (issue) return issue;
      }
      return undefined;
    }
    if (sort !== null && typeof sort === 'object') {
      for (const [field, order] of Object.entries(sort)) {
        if (typeof order === 'string') {
          if (!direction.test(order)) return `Invalid sort direction "${order}" for ${field}: use asc or desc`;
          if (!sortablePath(uid, [...path, field])) return `Invalid key ${field}`;
        } else {
          const model = modelOf(uid);
          const attribute = model && attributesOf(model).get(field);
          if (!attribute) return `Invalid key ${field}`;
          const target = targetOf(attribute);
          if (!target || attribute.type === 'media') return `Invalid sort for ${field}: expected asc or desc`;
          const issue = sortIssues(target, order, []);
          if (issue) return issue;
        }
      }
      return undefined;
    }
    return 'sort: expected "field:asc", a list of them, or an object';
  }

  const fieldSchemas = new Map<string, z.ZodType>();
  function fieldsSchema(model: Model): z.ZodType {
    const cached = fieldSchemas.get(model.uid);
    if (cached) return cached;
    const scalars = [...attributesOf(model)].filter(([, attribute]) => !targetOf(attribute)).map(([name]) => name);
    const schema = listOf(
      z.string().refine((name) => scalars.includes(name), { error: (issue) => `Invalid key ${String(issue.input)}` }),
      scalars.length + 2,
    );
    fieldSchemas.set(model.uid, schema);
    return schema;
  }

  const populateFlag = z.union([z.boolean(), z.enum(['true', 'false', '*', '1', '0'])]);
  /**
   * Relation lists are bounded per entry (src/limits/bounded-relations.ts), which a filter or a
   * sort inside populate cannot follow: filtering and sorting related entries is done on their own
   * route, e.g. /api/articles?filters[officials][documentId][$eq]=….
   */
  const POPULATE_OPTIONS = new Set(['fields', 'populate', 'count', 'on']);

  function populatesRelation(uid: string, populate: unknown): boolean {
    const model = modelOf(uid);
    if (!model) return false;
    const names =
      typeof populate === 'string' ? populate.split(',').map((entry) => entry.trim().split('.')[0])
        : Array.isArray(populate) ? populate.map((entry) => String(entry).split('.')[0])
          : populate && typeof populate === 'object' ? Object.keys(populate) : [];
    const attributes = attributesOf(model);
    const all = names.includes('*') ? [...attributes.values()] : names.map((name) => attributes.get(name));
    return all.some((attribute) => attribute?.type === 'relation');
  }

  function populateIssues(uid: string, populate: unknown, depth: number): string | undefined {
    const model = modelOf(uid);
    if (!model) return 'Invalid populate';
    const attributes = attributesOf(model);
    const populatable = (name: string) => {
      const attribute = attributes.get(name);
      return attribute && (targetOf(attribute) || attribute.type === 'dynamiczone') ? attribute : undefined;
    };
    if (depth > limits.maxPopulateDepth) {
      return `populate is nested too deeply: at most ${limits.maxPopulateDepth} levels below the requested type`;
    }
    if (typeof populate === 'string') {
      if (populate === '*' || populateFlag.safeParse(populate).success) return undefined;
      for (const entry of populate.split(',')) {
        const [name, ...rest] = entry.trim().split('.');
        const attribute = populatable(name);
        if (!attribute) return `Invalid key ${name}`;
        if (rest.length > 0) {
          const target = targetOf(attribute);
          if (!target) return `Invalid key ${rest[0]}`;
          const issue = populateIssues(target, rest.join('.'), depth + 1);
          if (issue) return issue;
        }
      }
      return undefined;
    }
    if (typeof populate === 'boolean') return undefined;
    if (Array.isArray(populate)) {
      for (const entry of populate) {
        if (typeof entry !== 'string') return 'populate: expected a list of field names';
        const issue = populateIssues(uid, entry, depth);
        if (issue) return issue;
      }
      return undefined;
    }
    if (populate === null || typeof populate !== 'object') return 'populate: expected "*", field names or an object';
    for (const [name, options] of Object.entries(populate)) {
      const attribute = populatable(name);
      if (!attribute) return `Invalid key ${name}`;
      if (populateFlag.safeParse(options).success) continue;
      if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        return `populate[${name}]: expected true, "*" or an object of options`;
      }
      const unknownOption = Object.keys(options).find((option) => !POPULATE_OPTIONS.has(option));
      if (unknownOption) {
        return ['filters', 'sort'].includes(unknownOption)
          ? `populate[${name}][${unknownOption}] is not supported: filter and sort related entries on their own route (see the README, "APIs")`
          : `Invalid key ${unknownOption} in populate[${name}]`;
      }
      const target = targetOf(attribute);
      const { fields, populate: nestedPopulate, count } = options as Record<string, unknown>;
      if (!target) {
        if (fields ?? nestedPopulate) return `populate[${name}]: a dynamic zone takes "*" or "on"`;
        continue;
      }
      if (attribute.type === 'component' && nestedPopulate !== undefined && populatesRelation(target, nestedPopulate)) {
        return `populate[${name}]: relations inside components cannot be populated`;
      }
      const targetModel = modelOf(target)!;
      if (count !== undefined && !booleanText.safeParse(String(count)).success) return `populate[${name}][count]: expected true or false`;
      if (fields !== undefined) {
        const result = fieldsSchema(targetModel).safeParse(fields);
        if (!result.success) return describeIssue(result.error.issues[0], `populate[${name}][fields]`);
      }
      if (nestedPopulate !== undefined) {
        const issue = populateIssues(target, nestedPopulate, depth + 1);
        if (issue) return issue;
      }
    }
    return undefined;
  }

  function filtersIssue(uid: string, filters: unknown): string | undefined {
    if (jsonObjectDepth(filters, limits.maxFilterDepth) > limits.maxFilterDepth) {
      return `filters are nested too deeply: at most ${limits.maxFilterDepth} levels ($and/$or/$not, relations and components included)`;
    }
    const result = filtersSchema(uid).safeParse(filters);
    return result.success ? undefined : describeIssue(result.error.issues[0], 'filters');
  }

  const count = (max: number) => integerText(0, max);
  // Built once: building a zod schema costs more than checking a value against it.
  const statusSchema = z.enum(['draft', 'published'], { error: 'status is draft or published' });
  const localeSchema = text(32);
  const searchSchema = text(200);
  const publicationFilterSchema = z.enum(PUBLICATION_FILTERS, { error: `publicationFilter is one of ${PUBLICATION_FILTERS.join(', ')}` });
  const paginationSchema = z
    .strictObject(
      {
        page: count(1_000_000).refine((value) => Number(value) >= 1, 'page starts at 1').optional(),
        pageSize: count(1_000_000).refine((value) => Number(value) >= 1, 'pageSize is at least 1').optional(),
        start: count(1_000_000_000).optional(),
        limit: integerText(-1, 1_000_000).optional(),
        withCount: booleanText.optional(),
      },
      { error: 'expected page/pageSize or start/limit' },
    )
    .refine(
      (value) => !((value.page !== undefined || value.pageSize !== undefined) && (value.start !== undefined || value.limit !== undefined)),
      'use either page and pageSize or start and limit, not both',
    );

  function fail(message: string, param: string): never {
    throw new errors.ValidationError(message, { source: 'query', param });
  }

  let readableCheckedAt = 0;
  async function refreshReadable(): Promise<void> {
    if (Date.now() - readableCheckedAt < READABLE_TYPES_TTL_MS) return;
    const current = await publiclyReadableTypes(strapi);
    readableCheckedAt = Date.now();
    if (current.size === readable.size && [...current].every((uid) => readable.has(uid))) return;
    readable = current;
    attributeMaps.clear();
    filterSchemas.clear();
    fieldSchemas.clear();
  }

  return {
    async validate(uid, query) {
      const model = modelOf(uid);
      if (!model) return;
      await refreshReadable();
      for (const key of Object.keys(query)) {
        if (!QUERY_KEYS.includes(key)) fail(`Invalid key ${key}`, key);
      }
      const { filters, sort, fields, populate, pagination, status, locale, publicationFilter, _q: search } = query;
      const scalar = (value: unknown, param: string, schema: z.ZodType) => {
        if (value === undefined) return;
        const result = schema.safeParse(value);
        if (!result.success) fail(describeIssue(result.error.issues[0], param), param);
      };
      scalar(status, 'status', statusSchema);
      scalar(locale, 'locale', localeSchema);
      scalar(search, '_q', searchSchema);
      scalar(publicationFilter, 'publicationFilter', publicationFilterSchema);
      scalar(pagination, 'pagination', paginationSchema);
      if (fields !== undefined) scalar(fields, 'fields', fieldsSchema(model));
      if (filters !== undefined) {
        const issue = filtersIssue(uid, filters);
        if (issue) fail(issue, 'filters');
      }
      if (sort !== undefined) {
        const issue = sortIssues(uid, sort);
        if (issue) fail(issue, 'sort');
      }
      if (populate !== undefined) {
        const issue = populateIssues(uid, populate, 1);
        if (issue) fail(issue, 'populate');
      }
    },
  };
}

/** Content types whose `find` the public role holds, plus uploaded files (media). */
async function publiclyReadableTypes(strapi: Core.Strapi): Promise<Set<string>> {
  const permissions = await strapi.db.query('plugin::users-permissions.permission').findMany({
    where: { role: { type: 'public' }, action: { $endsWith: '.find' } },
    select: ['action'],
  });
  const uids = permissions.map((permission: { action: string }) => permission.action.slice(0, -'.find'.length));
  return new Set([...uids, 'plugin::upload.file']);
}

/** One zod issue as a sentence a client can show: where, then what. */
function describeIssue(issue: z.core.$ZodIssue, param: string): string {
  const where = [param, ...issue.path.map(String)].join('.');
  if (issue.message.startsWith('Invalid key ')) return issue.message;
  if (issue.code !== 'unrecognized_keys') return `${where}: ${issue.message}`;
  const [key] = issue.keys;
  // Operators are public knowledge; field names are not, so those get Strapi's neutral wording.
  return key.startsWith('$') ? `${where}: the operator ${key} does not apply here` : `Invalid key ${key}`;
}

/** A path segment that can be a documentId: what Strapi generates (letters and digits), nothing else. */
export function isPlausibleDocumentId(segment: string): boolean {
  return /^[A-Za-z0-9]{1,64}$/.test(segment);
}
