import type { Core } from '@strapi/strapi';

/**
 * Who may reach the content APIs beyond anonymous reading.
 * - corsOrigins: browser origins allowed to call /api and /graphql: the app's own URL and those
 *   in CORS_ORIGINS (comma-separated, exact `scheme://host[:port]`). Nothing else is reflected,
 *   and the admin panel's routes answer no cross-origin request at all (config/middlewares.ts).
 * - publicSignup: `/api/auth/local/register` and the GraphQL `register` mutation, off unless
 *   PUBLIC_SIGNUP=true (src/access/signup.ts applies it on every start).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const ownOrigin = new URL(env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`)).origin;
  const listed = env.array('CORS_ORIGINS', []).map((origin) => origin.trim()).filter(Boolean);
  return {
    corsOrigins: [...new Set([ownOrigin, ...listed])],
    publicSignup: env.bool('PUBLIC_SIGNUP', false),
  };
};
