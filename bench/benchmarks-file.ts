import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../src/cli/app';

export const BENCHMARKS_FILE = path.join(APP_ROOT, 'BENCHMARKS.md');

/**
 * Writes `body` as the section `name` of BENCHMARKS.md, between `<!-- bench:<name>:start -->`
 * and its end marker: a rerun replaces its own section and leaves the others alone.
 */
export function recordBenchmarkSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body}\n${end}`;
  const existing = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : '# Benchmarks\n';
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  writeFileSync(BENCHMARKS_FILE, from >= 0 && to > from ? existing.slice(0, from) + block + existing.slice(to + end.length) : `${existing.trimEnd()}\n\n${block}\n`);
}

/** The value below which `fraction` of `values` fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}
