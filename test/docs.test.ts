/**
 * Every public export is documented: functions, classes and constants carry
 * TSDoc with an `@example`; types carry a doc comment. Checked with the
 * TypeScript compiler on the public entry point.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entries = ['index', 'charts', 'node'].map((name) => fileURLToPath(new URL(`../src/${name}.ts`, import.meta.url)));
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  types: ['node'],
  baseUrl: fileURLToPath(new URL('..', import.meta.url)),
  paths: { 'relationship-equity': ['./src/index.ts'] },
});
const checker = program.getTypeChecker();
// Every entry's own exports (charts and node re-export nothing of the main entry).
const exports = entries.flatMap((entry) =>
  checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return { name: symbol.getName(), target };
  }),
);

const isValue = (s: ts.Symbol): boolean =>
  (s.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable)) !== 0;

describe('public API documentation', () => {
  it('exports the names the issues fix', () => {
    const names = exports.map((e) => e.name);
    for (const name of [
      'simulate',
      'schedule',
      'toDays',
      'DEFAULT_PARAMETERS',
      'resolveParameters',
      'absenceCost',
      'equivalentMonths',
      'compare',
      'ParameterError',
      'DurationError',
      'charts',
      'renderSvg',
      'readHistoryCsv',
      'sobolIndices',
      'morrisEffects',
      'swings',
      'sensitivity',
      'PARAMETER_RANGES',
      'claimMargins',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(exports.filter((e) => isValue(e.target)).map((e) => [e.name, e.target] as const))(
    '%s has TSDoc with an @example',
    (_name, symbol) => {
      const tags = symbol.getJsDocTags(checker).map((t) => t.name);
      const text = ts.displayPartsToString(symbol.getDocumentationComment(checker));
      expect(text.length).toBeGreaterThan(0);
      expect(tags).toContain('example');
    },
  );

  it.each(exports.filter((e) => !isValue(e.target)).map((e) => [e.name, e.target] as const))(
    'type %s has a doc comment',
    (_name, symbol) => {
      expect(ts.displayPartsToString(symbol.getDocumentationComment(checker)).length).toBeGreaterThan(0);
    },
  );

  it.each(['schedule', 'charts'])('every builder of `%s` has an @example', (name) => {
    const object = exports.find((e) => e.name === name)!.target;
    const type = checker.getTypeOfSymbolAtLocation(object, object.valueDeclaration!);
    const missing = type
      .getProperties()
      .filter((p) => {
        // A property that is a function declared elsewhere carries its docs on that declaration.
        const declared = checker.getTypeOfSymbolAtLocation(p, object.valueDeclaration!).getSymbol();
        const tags = [...p.getJsDocTags(checker), ...(declared?.getJsDocTags(checker) ?? [])];
        return !tags.some((t) => t.name === 'example');
      })
      .map((p) => p.getName());
    expect(missing).toEqual([]);
  });
});
