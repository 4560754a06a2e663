/** Runs `read` with some environment variables set (or removed, for undefined), then restores them. */
export function withEnv<T>(values: Record<string, string | undefined>, read: () => T): T {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (next: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(next)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  try {
    return read();
  } finally {
    apply(previous);
  }
}
