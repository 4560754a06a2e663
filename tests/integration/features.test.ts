import type { Core } from '@strapi/strapi';
import { closeApp } from '../../src/cli/app';
import { DESK_ACTION } from '../../src/desk/permission';
import { loadStrapi, provisionDatabase } from '../helpers/strapi';

/**
 * The order src/features.ts keeps, as Strapi runs it: watched on a real start, not read from the
 * list, so that moving a registration to another feature or phase fails here.
 */

/** The feature folder of src/ that made the call: the first frame of the app's own code. */
function callingFeature(): string {
  const frame = (new Error().stack ?? '')
    .split('\n')
    .find((line) => /[/\\](?:dist[/\\])?src[/\\]/.test(line) && !line.includes('node_modules'));
  return frame?.match(/[/\\]src[/\\]([^/\\]+)/)?.[1] ?? 'strapi';
}

/** Records which feature registers each Document Service middleware, in registration order. */
function watchDocumentMiddlewares(strapi: Core.Strapi, into: string[]): void {
  const documents = strapi.documents as unknown as { use: (middleware: unknown) => unknown };
  const use = documents.use.bind(documents);
  documents.use = (middleware: unknown) => {
    into.push(callingFeature());
    return use(middleware);
  };
}

describe('the features, started by Strapi', () => {
  let dropDatabase: () => Promise<void>;
  beforeAll(async () => {
    dropDatabase = await provisionDatabase();
  });
  afterAll(async () => {
    await dropDatabase();
  });

  it('register the response cache as the outermost Document Service middleware, and keep the desk action across restarts', async () => {
    const middlewareOwners: string[] = [];
    const first = await loadStrapi((strapi) => watchDocumentMiddlewares(strapi, middlewareOwners));
    try {
      // Outermost: it runs last on the way out, so it empties the cache after the others wrote.
      expect(middlewareOwners[0]).toBe('response-cache');
      expect(middlewareOwners).toEqual(expect.arrayContaining(['importer', 'search']));
    } finally {
      await closeApp(first);
    }

    // The admin's bootstrap drops stored permissions of actions not registered by then, and the
    // desk grants its action only once: registered any later, Editors would lose the desk here.
    const second = await loadStrapi();
    try {
      const editor = (await second.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
      const granted = await second.db.query('admin::permission').findOne({ where: { action: DESK_ACTION, role: editor.id } });
      expect(granted).not.toBeNull();
    } finally {
      await closeApp(second);
    }
  });
});
