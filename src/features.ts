import { accessFeature } from './access/feature';
import { databaseFeature } from './database/feature';
import { deskFeature } from './desk/feature';
import type { Feature } from './feature';
import { graphqlFeature } from './graphql/feature';
import { importerFeature } from './importer';
import { limitsFeature } from './limits/feature';
import { responseCacheFeature } from './response-cache/feature';
import { searchFeature } from './search/feature';
import { sharedRedisFeature } from './redis/feature';

/**
 * The app's features, in the order Strapi's phases run them (destroy in reverse). The order
 * matters where it says so, and tests/unit/architecture/features.test.ts holds it:
 * - the shared Redis comes before what counts or caches through it;
 * - the response cache registers the first Document Service middleware, so it is the outermost and
 *   empties the cache after the others (the search index's sync among them) have written;
 * - the importer wraps the event hub before anyone subscribes to it (it counts listeners) and,
 *   at bootstrap, migrates and indexes before anything reads content;
 * - the desk registers its RBAC action at register, before the admin's bootstrap, which drops the
 *   stored permissions of actions it does not know;
 * - the database is tuned first at bootstrap, before the importer's migrations write.
 */
export const FEATURES: readonly Feature[] = [
  databaseFeature,
  sharedRedisFeature,
  responseCacheFeature,
  limitsFeature,
  importerFeature,
  searchFeature,
  accessFeature,
  deskFeature,
  graphqlFeature,
];
