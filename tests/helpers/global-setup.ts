import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Integration tests boot Strapi from dist/: compile the app once per run, not once per file. */
export default function globalSetup(): void {
  const appRoot = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: appRoot,
    stdio: 'inherit',
  });
}
