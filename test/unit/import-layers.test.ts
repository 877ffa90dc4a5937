import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server's folders form layers (README, "Layout"): a folder imports only folders of a lower
 * layer, and no file imports itself round a circle. Type-only imports count: they are
 * dependencies a reader must follow all the same.
 */
const LAYERS: string[][] = [
  ['config.ts', 'common'],
  ['platforms', 'secrets', 'audit'],
  ['auth', 'connection-history'],
  ['stores'],
  ['connections'],
  ['jobs'],
  ['webhooks', 'operations'],
  ['db', 'graphql', 'admin-ui'],
  ['app.ts', 'scripts'],
  ['index.ts'],
];

const SERVER = path.join(__dirname, '..', '..', 'server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(SERVER, from)} imports ${specifier}, which does not exist`);
}

/** The file's relative imports (and re-exports), resolved to files. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, false);
  return info.importedFiles.map((ref) => resolveImport(file, ref.fileName)).filter((target): target is string => target !== null);
}

/** "stores" for server/stores/x.ts, "app.ts" for server/app.ts. */
const unitOf = (file: string): string => path.relative(SERVER, file).split(path.sep)[0];

const files = sourceFiles(SERVER);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Cycles of the file graph, each as a list of files (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    order.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(path.relative(SERVER, member));
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of files) if (!order.has(file)) visit(file);
  return found;
}

describe('server imports', () => {
  it('every top-level folder and file of server/ has a layer', () => {
    const units = new Set(files.map(unitOf));
    const layered = new Set(LAYERS.flat());
    expect([...units].filter((unit) => !layered.has(unit))).toEqual([]);
  });

  it('form no circle', () => {
    expect(cycles()).toEqual([]);
  });

  it('go only to lower layers', () => {
    const layerOf = (unit: string) => LAYERS.findIndex((layer) => layer.includes(unit));
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const [from, to] = [unitOf(file), unitOf(target)];
        if (from !== to && layerOf(to) >= layerOf(from)) upward.push(`${path.relative(SERVER, file)} -> ${path.relative(SERVER, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
