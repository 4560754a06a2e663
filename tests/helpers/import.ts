import type { FileReport, ImportOptions, ImportReport, Importer } from '../../src/importer/service';

/** A run's summary with every file's report, in order. */
export interface ImportWithFiles extends ImportReport {
  files: FileReport[];
}

/**
 * `importFiles`, keeping each file's report as it goes by: what tests of a few pages assert on.
 * The importer itself keeps only counts, so that a long run does not grow in memory.
 */
export async function importKeepingFiles(importer: Importer, paths: string[], options: ImportOptions): Promise<ImportWithFiles> {
  const files: FileReport[] = [];
  const summary = await importer.importFiles(paths, options, (file) => {
    files.push(file);
  });
  return { ...summary, files };
}
