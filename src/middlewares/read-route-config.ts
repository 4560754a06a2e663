/**
 * Route config shared by the four content types: reads get the published-only guard and a
 * default populate, so frontends see relations without knowing Strapi's populate syntax.
 */
export function readRouteConfig(populate: Record<string, unknown>) {
  const readMiddlewares = [
    'global::published-only',
    { name: 'global::default-populate', config: { populate } },
  ];
  return {
    find: { middlewares: readMiddlewares },
    findOne: { middlewares: readMiddlewares },
  };
}
