/**
 * How every bench script ends: run `main`, exit 0, or print the stack and exit 1. The exit is
 * explicit because a bench leaves pools, Redis connections and child processes it does not wait
 * for once its numbers are written.
 */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
