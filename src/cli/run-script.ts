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
