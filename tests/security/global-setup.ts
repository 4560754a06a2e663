import { compileApp } from '../../src/cli/app';
import { buildArchive } from './archive';

/** Compiles the app once, then builds the archive every security test file boots a copy of. */
export default async function globalSetup(): Promise<void> {
  compileApp();
  const started = Date.now();
  await buildArchive();
  console.log(`\nSecurity archive built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
