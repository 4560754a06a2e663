import { useSqliteWriteAheadLog } from './sqlite-journal';

/** The embedded database's journal, set before anything writes. */
export const databaseFeature = {
  name: 'database',
  bootstrap: useSqliteWriteAheadLog,
};
