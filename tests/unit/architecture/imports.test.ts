import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The shape of the code, held by a test: the importer is used through its public face only
 * (src/importer/index.ts), it reaches no higher layer (the HTTP edge, search, the desk), and no
 * two top-level folders of src/ import each other, directly or round a longer loop.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');
const IMPORTER = path.join(SRC, 'importer');
/** What the importer may import from the rest of src/: shared constants and Strapi's storage layout. */
const IMPORTER_MAY_USE = ['content-types', 'strapi-rows'];

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** Every relative import of a file, as the absolute path it names (without extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => path.resolve(path.dirname(file), match[1]));
}

/** The top-level part of src/ a path belongs to: a folder, or a file at the root (without extension). */
function partOf(target: string): string {
  const [head, ...rest] = path.relative(SRC, target).split(path.sep);
  if (rest.length > 0 || (existsSync(path.join(SRC, head)) && statSync(path.join(SRC, head)).isDirectory())) return head;
  return head.replace(/\.(ts|tsx)$/, '');
}

const inside = (folder: string, file: string) => file === folder || file.startsWith(folder + path.sep);
const relative = (file: string) => path.relative(ROOT, file);

const outsideImporter = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, 'bench'))].filter((file) => !inside(IMPORTER, file));

describe('the importer', () => {
  it('is used from outside through src/importer/index.ts only', () => {
    const deep = outsideImporter.flatMap((file) =>
      importsOf(file)
        .filter((target) => inside(IMPORTER, target) && target !== IMPORTER && target !== path.join(IMPORTER, 'index'))
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(deep).toEqual([]);
  });

  it('imports nothing from the layers above it', () => {
    const upward = sourceFiles(IMPORTER).flatMap((file) =>
      importsOf(file)
        .filter((target) => inside(SRC, target) && !inside(IMPORTER, target) && !IMPORTER_MAY_USE.includes(partOf(target)))
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(upward).toEqual([]);
  });
});

describe('the top-level parts of src/', () => {
  it('import each other without a cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const file of sourceFiles(SRC)) {
      const from = partOf(file);
      for (const target of importsOf(file)) {
        if (!inside(SRC, target)) continue;
        const to = partOf(target);
        if (to !== from) edges.set(from, new Set([...(edges.get(from) ?? []), to]));
      }
    }
    const cycles: string[] = [];
    const visit = (part: string, trail: string[]) => {
      for (const next of edges.get(part) ?? []) {
        if (next === trail[0]) cycles.push([...trail, next].join(' → '));
        else if (!trail.includes(next) && next > trail[0]) visit(next, [...trail, next]);
      }
    };
    for (const part of edges.keys()) visit(part, [part]);
    expect(cycles).toEqual([]);
  });
});

describe('the folders Strapi loads by itself', () => {
  // Every file in src/middlewares/ and src/policies/ is loaded as a middleware or policy; a helper
  // kept there would become one. Each must be one the app uses by its `global::` name.
  const used = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, 'config'))].map((file) => readFileSync(file, 'utf8')).join('\n');
  for (const folder of ['middlewares', 'policies']) {
    it(`hold only ${folder} the app uses (src/${folder}/)`, () => {
      const dir = path.join(SRC, folder);
      const names = existsSync(dir) ? readdirSync(dir).map((name) => name.replace(/\.(ts|js)$/, '')) : [];
      expect(names.filter((name) => !used.includes(`'global::${name}'`))).toEqual([]);
    });
  }
});

describe("Strapi's storage layout", () => {
  // Strapi's own column and join-table names, which src/strapi-rows/ reads from Strapi's metadata.
  const STRAPI_NAMES = /\b\w+_(?:lnk|cmps)\b|\b(?:document_id|published_at|component_type|cmp_id|entity_id|created_by_id|updated_by_id)\b|\b\w+_ord\b/;
  // The search index's own table has a document_id column of its own making, not Strapi's.
  const OWN_TABLES = [path.join(SRC, 'search', 'store.ts')];
  it('is named only in src/strapi-rows/', () => {
    const files = [...sourceFiles(SRC), ...sourceFiles(path.join(ROOT, 'bench'))].filter(
      (file) => !inside(path.join(SRC, 'strapi-rows'), file) && !OWN_TABLES.includes(file),
    );
    const naming = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (STRAPI_NAMES.test(line) ? [`${relative(file)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(naming).toEqual([]);
  });
});
