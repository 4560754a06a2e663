import type { Core } from '@strapi/strapi';

/**
 * Field lists the security tests derive from the running schema, so they follow the content
 * model as it changes (components replacing JSON lists, new types) without edits.
 */
export interface TypeInfo {
  uid: string;
  /** REST collection name, e.g. `articles`. */
  plural: string;
  /** GraphQL list query, e.g. `articles`, `researchPlatforms`. */
  graphqlList: string;
  /** Attributes the content API must never show: private or hidden. */
  hidden: string[];
  /** Visible scalar attributes, with their types. */
  scalars: Record<string, string>;
  /** Visible relations and the collection types they point to. */
  relations: Record<string, string>;
  /** Visible components and their component uids. */
  components: Record<string, string>;
}

/** GraphQL names a type `researchPlatforms` where REST says `research-platforms`. */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

export function publicTypes(strapi: Core.Strapi, uids: readonly string[]): TypeInfo[] {
  return uids.map((uid) => {
    const model = strapi.getModel(uid as any) as any;
    const entries = Object.entries(model.attributes) as [string, any][];
    const hidden = entries.filter(([, attribute]) => attribute.private === true || attribute.visible === false).map(([name]) => name);
    const shown = entries.filter(([name]) => !hidden.includes(name));
    return {
      uid,
      plural: model.info.pluralName,
      graphqlList: camel(model.info.pluralName),
      hidden,
      scalars: Object.fromEntries(
        shown.filter(([, attribute]) => !['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type)).map(([name, attribute]) => [name, attribute.type]),
      ),
      relations: Object.fromEntries(shown.filter(([, attribute]) => attribute.type === 'relation').map(([name, attribute]) => [name, attribute.target])),
      components: Object.fromEntries(shown.filter(([, attribute]) => attribute.type === 'component').map(([name, attribute]) => [name, attribute.component])),
    };
  });
}

/** The names of every attribute that is hidden somewhere, for scanning response bodies. */
export function hiddenNames(types: TypeInfo[]): string[] {
  return [...new Set(types.flatMap((type) => type.hidden))].filter((name) => !['locale', 'localizations'].includes(name));
}

/** Every key that occurs anywhere in a JSON value. */
export function keysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.add(key);
      keysIn(child, found);
    }
  }
  return found;
}
