/**
 * Route config shared by the content types' reads: the published-only guard, a default populate
 * (so frontends see relations without knowing Strapi's populate syntax), then relations loaded
 * with a bound per entry, whoever chose the populate.
 */
export function readRouteConfig(uid: string, populate: Record<string, unknown>) {
  const readMiddlewares = [
    'global::published-only',
    { name: 'global::default-populate', config: { populate } },
    { name: 'global::bounded-relations', config: { uid } },
  ];
  return {
    find: { middlewares: readMiddlewares },
    findOne: { middlewares: readMiddlewares },
  };
}
