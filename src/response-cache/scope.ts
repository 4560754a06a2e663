import type { Core } from '@strapi/strapi';
import type { ReadScope } from './store';

interface AttributeShape {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
}

type Schemas = Record<string, { attributes: Record<string, AttributeShape> }>;

/** The types a schema links to directly: relations, also inside its components and dynamic zones. */
function linkedTypes(attributes: Record<string, AttributeShape>, components: Schemas, seenComponents = new Set<string>()): Set<string> {
  const linked = new Set<string>();
  for (const attribute of Object.values(attributes)) {
    if (attribute.type === 'relation' && attribute.target) linked.add(attribute.target);
    const nested =
      attribute.type === 'component' && attribute.component
        ? [attribute.component]
        : attribute.type === 'dynamiczone'
          ? (attribute.components ?? [])
          : [];
    for (const name of nested) {
      if (seenComponents.has(name) || !components[name]) continue;
      seenComponents.add(name);
      for (const uid of linkedTypes(components[name].attributes, components, seenComponents)) linked.add(uid);
    }
  }
  return linked;
}

/**
 * What an answer of each content type's routes can hold: the type and every type reachable
 * through its relations, whatever is populated (the closure is a superset of any populate the
 * limits allow). Computed once from the schemas, which do not change while the app runs.
 */
export function readScopesOf(strapi: Core.Strapi): (uid: string | undefined, documentId?: string) => ReadScope {
  const contentTypes = strapi.contentTypes as unknown as Schemas;
  const components = strapi.components as unknown as Schemas;
  const direct = new Map(Object.entries(contentTypes).map(([uid, schema]) => [uid, linkedTypes(schema.attributes, components)]));
  const reachable = new Map<string, Set<string>>();
  for (const uid of direct.keys()) {
    const found = new Set<string>();
    const pending = [...(direct.get(uid) ?? [])];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if (found.has(next)) continue;
      found.add(next);
      pending.push(...(direct.get(next) ?? []));
    }
    reachable.set(uid, found);
  }
  const everything: ReadScope = { contains: new Set(), containsOwnType: true };

  return (uid, documentId) => {
    if (uid === undefined) return everything;
    const linked = reachable.get(uid) ?? new Set<string>();
    return {
      uid,
      ...(documentId !== undefined ? { documentId } : {}),
      contains: new Set([uid, ...linked]),
      containsOwnType: linked.has(uid),
    };
  };
}
