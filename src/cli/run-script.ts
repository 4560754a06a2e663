import path from 'node:path';
import { APP_ROOT } from './app';

/**
 * Runs a CLI's async main when the file is the script Node was started with: its result is the
 * exit code; a crash prints one line naming the command (the stack only where it helps, in
 * developer tools) and exits with `crashCode`, kept apart from the command's own failure codes.
 */
export function runScript(
  name: string,
  main: () => Promise<number>,
  { crashCode = 1, withStack = false }: { crashCode?: number; withStack?: boolean } = {},
): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const detail = withStack ? (error as Error)?.stack : (error as Error)?.message;
      process.stderr.write(`${name}: ${detail ?? String(error)}\n`);
      process.exit(crashCode);
    },
  );
}

/**
 * What every script that boots the app needs first: the local secrets Strapi refuses to start
 * without (written to a git-ignored .env on a first run), and Strapi's log quiet enough that the
 * script's own output stays readable.
 */
export async function prepareAppEnvironment(): Promise<void> {
  const { ensureEnv } = await import(path.join(APP_ROOT, 'scripts', 'ensure-env.mjs'));
  ensureEnv();
  process.env.LOG_LEVEL ??= 'warn';
}

/**
 * `runScript` for `npm run <name>` commands that take no arguments: any argument is refused with
 * a usage line and exit code 2 (a mistyped option must not run a command that rewrites files or
 * the index), then the environment is prepared and `main` runs.
 */
export function runAppScriptWithoutArguments(name: string, main: () => Promise<number>, options?: { withStack?: boolean }): void {
  runScript(
    name,
    async () => {
      if (process.argv.length > 2) {
        process.stderr.write(`usage: npm run ${name}   (takes no arguments)\n`);
        return 2;
      }
      await prepareAppEnvironment();
      return main();
    },
    options,
  );
}
