import type { Core } from '@strapi/strapi';
import { insertContributionRows } from '../load/contributions';
import { snapshotWithoutContributions } from '../plan/legacy';
import { ARTICLE_RELATIONS, SNAPSHOT_VERSION, TYPE_SPECS, linkConfidence, type TypeSpec } from '../plan/records';

interface SnapshotRow {
  id: number;
  publishedAt: unknown;
  importSnapshot: unknown;
  importKey?: string | null;
  name?: string | null;
}

const ENTITY_SPECS: readonly TypeSpec[] = Object.values(ARTICLE_RELATIONS);

/** Snapshots are read in slices, so converting a large archive does not hold all of it. */
const ROWS_PER_SLICE = 500;
const SNAPSHOT_VERSION_KEY = 'import-snapshot-version';

/**
 * Import snapshots of version 2 kept every article's say inside the entity: it moves into the
 * contributions (from each entity's draft, the version imports build on), and every snapshot
 * becomes version 3. Once, remembered in the store; one transaction, so an interrupted start
 * leaves version 2 for the next start to convert.
 */
export async function moveContributionsOutOfSnapshots(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  if (Number(await store.get({ key: SNAPSHOT_VERSION_KEY })) >= SNAPSHOT_VERSION) return;
  let converted = 0;
  await strapi.db.transaction(async () => {
    for (const spec of TYPE_SPECS) {
      const isEntity = ENTITY_SPECS.includes(spec);
      const select = ['id', 'publishedAt', 'importSnapshot', ...(isEntity ? ['importKey', 'name'] : [])];
      for (let afterId = 0; ; ) {
        const rows = (await strapi.db.query(spec.uid).findMany({
          select,
          where: { id: { $gt: afterId } },
          orderBy: { id: 'asc' },
          limit: ROWS_PER_SLICE,
        })) as SnapshotRow[];
        if (rows.length === 0) break;
        afterId = rows[rows.length - 1].id;
        for (const row of rows) {
          const { snapshot, contributions } = snapshotWithoutContributions(spec, row.importSnapshot);
          if (snapshot === row.importSnapshot) continue;
          // updateMany leaves updatedAt alone: converting must not turn a draft into "modified".
          await strapi.db.query(spec.uid).updateMany({ where: { id: row.id }, data: { importSnapshot: snapshot } });
          converted += 1;
          const isDraft = !spec.draftAndPublish || row.publishedAt === null || row.publishedAt === undefined;
          const entityKey = row.importKey || row.name;
          if (!isEntity || !isDraft || !entityKey) continue;
          await insertContributionRows(
            strapi,
            Object.entries(contributions).map(([articleKey, said]) => ({
              entityType: spec.label,
              entityKey,
              articleKey,
              said,
              confidence: linkConfidence(said),
            })),
          );
        }
      }
    }
    await store.set({ key: SNAPSHOT_VERSION_KEY, value: SNAPSHOT_VERSION });
  });
  if (converted > 0)
    strapi.log.info(`Converted ${converted} import snapshots to version ${SNAPSHOT_VERSION}: contributions are kept apart`);
}
