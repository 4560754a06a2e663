import request from 'supertest';
import type { TestApp } from '../helpers/strapi';
import { NEWSROOM_UIDS } from '../../src/content-types';
import { startOnArchive } from './archive';
import { publicTypes, type TypeInfo } from './schema';

/**
 * The query guard and what the API returns, in both directions, property-style: every field a
 * REST response shows (the system timestamps included) can be selected, sorted and filtered with
 * the operators of its type, and the filter finds the entry that showed the value; every private
 * attribute is refused like a name that does not exist, at the top level and through relations
 * and components. The fields come from the responses and the schema, not from a list here.
 */
let app: TestApp;
let types: TypeInfo[];

beforeAll(async () => {
  app = await startOnArchive();
  types = publicTypes(app.strapi, NEWSROOM_UIDS);
});

afterAll(async () => {
  await app?.stop();
});

/** Operators a frontend uses on a field of each type (Strapi's documented filters, by type). */
const COMPARISON = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull'];
const TEXT = ['$eq', '$ne', '$eqi', '$nei', '$in', '$notIn', '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$null', '$notNull'];
const OPERATORS_BY_TYPE: Record<string, string[]> = {
  string: TEXT, text: TEXT, enumeration: TEXT, uid: TEXT, email: TEXT,
  integer: COMPARISON, biginteger: COMPARISON, float: COMPARISON, decimal: COMPARISON, increments: COMPARISON,
  date: COMPARISON, datetime: COMPARISON, time: COMPARISON,
  boolean: ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull'],
  json: ['$null', '$notNull'], blocks: ['$null', '$notNull'],
};
/** Finds the entry whose value was given (the others only have to be accepted). */
const FINDING = new Set(['$eq', '$eqi', '$in', '$contains', '$containsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$lte', '$gte', '$between']);

const encode = encodeURIComponent;
const get = (url: string) => request(app.http).get(url);

/** `filters[a][b][$op]=…` for one value, in the query-string forms each operator takes. */
function filterQuery(path: string[], operator: string, value: string): string {
  const key = `filters${path.map((part) => `[${part}]`).join('')}[${operator}]`;
  if (operator === '$in' || operator === '$notIn') return `${key}[0]=${encode(value)}`;
  if (operator === '$between') return `${key}[0]=${encode(value)}&${key}[1]=${encode(value)}`;
  if (operator === '$null' || operator === '$notNull') return `${key}=false`;
  return `${key}=${encode(value)}`;
}

type Entry = Record<string, unknown> & { id: number; documentId: string };

/** Narrows a filter to one entry, by a field other than the one filtered. */
const onlyEntry = (entry: Entry, filtered: string) => (filtered === 'documentId' ? `filters[id][$eq]=${entry.id}` : `filters[documentId][$eq]=${entry.documentId}`);

/** Shown scalar values of an entry by attribute, with their schema types: what a frontend reads. */
function shownScalars(entry: Record<string, unknown>, schemaTypes: Record<string, string>): Array<[string, string, unknown]> {
  const builtIn: Record<string, string> = { id: 'increments', documentId: 'string' };
  return Object.entries(entry)
    .filter(([name]) => (schemaTypes[name] ?? builtIn[name]) !== undefined)
    .map(([name, value]): [string, string, unknown] => [name, schemaTypes[name] ?? builtIn[name], value]);
}

/** A scalar as the query string writes it; blocks and JSON are filtered for presence only. */
const asText = (value: unknown) => (typeof value === 'object' ? '' : String(value));

async function readEntries(type: TypeInfo): Promise<Entry[]> {
  const res = await get(`/api/${type.plural}?pagination[pageSize]=20&sort=id:asc`).expect(200);
  return res.body.data;
}

function expectAccepted(res: request.Response, what: Record<string, unknown>): void {
  expect({ ...what, status: res.status, message: res.body?.error?.message }).toEqual({ ...what, status: 200, message: undefined });
}

describe.each(NEWSROOM_UIDS.map((uid) => [uid]))('%s', (uid) => {
  const type = () => types.find((candidate) => candidate.uid === uid)!;

  it('shows the system timestamps, and every shown field can be selected and sorted', async () => {
    const [entry] = await readEntries(type());
    expect(Object.keys(entry)).toEqual(expect.arrayContaining(['createdAt', 'updatedAt', 'publishedAt']));
    for (const [name, schemaType] of shownScalars(entry, type().scalars)) {
      const selected = await get(`/api/${type().plural}?fields[0]=${name}&pagination[pageSize]=5`);
      expectAccepted(selected, { name, query: 'fields' });
      expect(selected.body.data.every((shown: Record<string, unknown>) => name in shown)).toBe(true);
      if (schemaType === 'json' || schemaType === 'blocks') continue;
      for (const direction of ['asc', 'desc']) expectAccepted(await get(`/api/${type().plural}?sort=${name}:${direction}`), { name, query: `sort ${direction}` });
    }
  });

  it('sorts by the timestamps in their order: the newest first is what a frontend asks for', async () => {
    for (const name of ['publishedAt', 'updatedAt', 'createdAt']) {
      const res = await get(`/api/${type().plural}?sort=${name}:desc&pagination[pageSize]=50&fields[0]=${name}`).expect(200);
      const times = res.body.data.map((shown: Record<string, string>) => Date.parse(shown[name]));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("filters every shown field with its type's operators, and finds the entry that showed the value", async () => {
    const entries = await readEntries(type());
    const names = new Set(entries.flatMap((entry) => Object.keys(entry)));
    for (const name of names) {
      const entry = entries.find((candidate) => candidate[name] !== null && candidate[name] !== undefined);
      if (!entry) continue;
      const scalar = shownScalars({ [name]: entry[name] }, type().scalars)[0];
      if (!scalar) continue;
      const [, schemaType, value] = scalar;
      for (const operator of OPERATORS_BY_TYPE[schemaType]) {
        const query = filterQuery([name], operator, asText(value));
        const res = await get(`/api/${type().plural}?${query}&${onlyEntry(entry, name)}`);
        expectAccepted(res, { name, query });
        if (FINDING.has(operator)) expect({ name, query, found: res.body.data.length }).toEqual({ name, query, found: 1 });
      }
    }
  });

  it('filters through shown components and relations by what they show', async () => {
    const entries = await readEntries(type());
    for (const [name, target] of [...Object.entries(type().components), ...Object.entries(type().relations)]) {
      const holder = entries.find((entry: Entry) => Array.isArray(entry[name]) ? (entry[name] as unknown[]).length > 0 : entry[name] && !('count' in (entry[name] as object)));
      if (!holder) continue;
      const shown = (Array.isArray(holder[name]) ? (holder[name] as Record<string, unknown>[])[0] : holder[name]) as Record<string, unknown>;
      const targetTypes = type().relations[name]
        ? (types.find((candidate) => candidate.uid === target)?.scalars ?? {})
        : Object.fromEntries(Object.entries((app.strapi.getModel(target as any) as any).attributes).map(([key, attribute]: [string, any]) => [key, attribute.type]));
      for (const [field, schemaType, value] of shownScalars(shown, targetTypes)) {
        if (field === 'id' || schemaType === 'json' || schemaType === 'blocks' || value === null) continue;
        const query = filterQuery([name, field], '$eq', asText(value));
        const res = await get(`/api/${type().plural}?${query}&filters[documentId][$eq]=${holder.documentId}`);
        expectAccepted(res, { name, field, query });
        expect({ name, field, found: res.body.data.length }).toEqual({ name, field, found: 1 });
        if (type().relations[name]) expectAccepted(await get(`/api/${type().plural}?sort=${name}.${field}:asc`), { name, field, query: 'sort' });
      }
    }
  });

  it('refuses every private attribute like a name that does not exist, directly and through relations', async () => {
    const model = app.strapi.getModel(uid as any) as any;
    const privateNames = Object.entries(model.attributes).filter(([, attribute]: [string, any]) => attribute.private === true).map(([name]) => name);
    expect(privateNames).toEqual(expect.arrayContaining(['createdBy', 'updatedBy']));
    const viaRelations = Object.entries(type().relations).flatMap(([relation, target]) => {
      const targetModel = app.strapi.getModel(target as any) as any;
      return Object.entries(targetModel.attributes).filter(([, attribute]: [string, any]) => attribute.private === true).map(([name]) => [relation, name]);
    });
    const probes = [
      ...privateNames.flatMap((name) => [
        [name, `filters[${name}][$null]=false`],
        [name, `sort=${name}:asc`],
        [name, `fields[0]=${name}`],
        [name, `populate[${name}]=true`],
      ]),
      ...viaRelations.flatMap(([relation, name]) => [
        [name, `filters[${relation}][${name}][$null]=false`],
        [`${relation}.${name}`, `sort=${relation}.${name}:asc`],
        [name, `populate[${relation}][fields][0]=${name}`],
      ]),
    ];
    for (const [name, query] of probes) {
      const res = await get(`/api/${type().plural}?${query}`);
      expect({ query, status: res.status, message: res.body.error?.message }).toEqual({ query, status: 400, message: `Invalid key ${name}` });
    }
  });
});
