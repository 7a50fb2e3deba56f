/**
 * The house rules of docs/architecture.md, checked on the source: each layer
 * imports only from the layers before it, and the core runs in browsers (no
 * Node built-in, no `process`, outside the Node-only entry and its worker).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
/** The pipeline's layers, in order: a module may import from its own layer and those before it. */
const LAYERS = ['core', 'numerics', 'model', 'ensemble', 'analysis', 'fit', 'io'] as const;
const NODE_ONLY = ['node.ts', 'monte-carlo-worker.ts'];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
const files = walk(src).map((path) => ({ path, name: relative(src, path), text: readFileSync(path, 'utf8') }));
const layerOf = (name: string): number => LAYERS.indexOf(name.split('/')[0] as (typeof LAYERS)[number]);
/** The modules a file imports, relative ones resolved to paths under src/. */
const importsOf = (file: (typeof files)[number]): string[] =>
  [...file.text.matchAll(/^(?:import|export)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);

describe('architecture', () => {
  it('puts every module of src/ in a layer, but the entry points', () => {
    const loose = files.filter((f) => layerOf(f.name) < 0).map((f) => f.name).sort();
    expect(loose).toEqual(['charts.ts', 'index.ts', 'monte-carlo-worker.ts', 'node.ts']);
  });

  it('lets each layer import only from itself and the layers before it', () => {
    const breaches: string[] = [];
    for (const file of files.filter((f) => layerOf(f.name) >= 0)) {
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = relative(src, resolve(dirname(file.path), spec.replace(/\.js$/, '.ts')));
        const layer = layerOf(target);
        if (layer < 0 || layer > layerOf(file.name)) breaches.push(`${file.name} imports ${target}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('keeps Node out of everything but the Node-only entry and its worker', () => {
    const offenders = files
      .filter((f) => !NODE_ONLY.includes(f.name))
      .filter((f) => importsOf(f).some((s) => s.startsWith('node:')) || /\bprocess\.|\brequire\(/.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('imports nothing at run time that a package does not declare (or that the build bundles)', () => {
    const bundled = /noExternal:\s*\[([^\]]*)\]/.exec(readFileSync(join(src, '../tsup.config.ts'), 'utf8'))![1]!.match(/'[^']+'/g)!.map((q) => q.slice(1, -1));
    expect(bundled).toEqual(['mathjs']);
    const declared = [...Object.keys(JSON.parse(readFileSync(join(src, '../package.json'), 'utf8')).dependencies ?? {}), ...bundled];
    const external = new Set(files.flatMap((f) => importsOf(f)).filter((s) => !s.startsWith('.') && !s.startsWith('node:') && s !== 'relationship-equity'));
    for (const name of external) expect(declared, name).toContain(name.split('/')[0]);
  });

  it('declares mathjs as a devDependency only, since the build bundles it (npm run check:package runs the tarball without it)', () => {
    const manifest = JSON.parse(readFileSync(join(src, '../package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).not.toContain('mathjs');
    expect(Object.keys(manifest.devDependencies)).toContain('mathjs');
  });
});
