/**
 * Every public export is documented: functions, classes and constants carry
 * TSDoc with an `@example`; types carry a doc comment. Checked with the
 * TypeScript compiler on the public entry point.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const program = ts.createProgram([entry], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
const exports = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return { name: symbol.getName(), target };
});

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

  it('every builder of `schedule` has an @example', () => {
    const schedule = exports.find((e) => e.name === 'schedule')!.target;
    const type = checker.getTypeOfSymbolAtLocation(schedule, schedule.valueDeclaration!);
    const missing = type
      .getProperties()
      .filter((p) => !p.getJsDocTags(checker).some((t) => t.name === 'example'))
      .map((p) => p.getName());
    expect(missing).toEqual([]);
  });
});
