import { compileApp } from '../../src/cli/app';

/** Integration tests boot Strapi from dist/: compile the app once per run, not once per file. */
export default function globalSetup(): void {
  compileApp();
}
