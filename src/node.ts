/**
 * The Node-only entry, `relationship-equity/node`: what needs the file system.
 * Everything else lives in the browser-safe main entry.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseHistoryCsv, type History, type HistoryOptions } from 'relationship-equity';

/**
 * Load an ESM-only package from either build. A bundler turns `import()` into
 * `require()` in the CommonJS build, which older Node versions refuse for ESM;
 * then a real dynamic import, made out of reach of the bundler, does it.
 */
async function importModule(specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<Record<string, unknown>>;
    try {
      return await dynamicImport(specifier);
    } catch {
      throw error;
    }
  }
}

/**
 * Render a Vega-Lite spec (from `relationship-equity/charts`) to an SVG string,
 * with vega and vega-lite (optional peer dependencies: `npm install vega vega-lite`).
 *
 * @throws an Error saying what to install if vega or vega-lite is missing.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { absenceCost } from 'relationship-equity';
 * import { charts } from 'relationship-equity/charts';
 * import { renderSvg } from 'relationship-equity/node';
 * const svg = await renderSvg(charts.absence(absenceCost({ activeFor: '18 months', absentFor: '8 months' })));
 * writeFileSync('absence.svg', svg);
 * ```
 */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  let vega: Record<string, unknown>;
  let vegaLite: Record<string, unknown>;
  try {
    vega = await importModule('vega');
    vegaLite = await importModule('vega-lite');
  } catch (error) {
    throw new Error(`renderSvg needs the packages vega and vega-lite: npm install vega vega-lite (${(error as Error).message})`);
  }
  const compile = vegaLite.compile as (s: unknown) => { spec: unknown };
  const parse = vega.parse as (s: unknown) => unknown;
  const View = vega.View as new (runtime: unknown, options: { renderer: string }) => { toSVG(): Promise<string>; finalize(): void };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Read a CSV export (columns `date` and any of `posts`, `events`, `views`,
 * `leads`) from a file into a {@link History} ready for `calibrate`.
 *
 * @throws `ParameterError` naming the line of a bad row; the file system's error if the file cannot be read.
 * @example
 * ```ts
 * import { readHistoryCsv } from 'relationship-equity/node';
 * import { calibrate } from 'relationship-equity';
 * const history = readHistoryCsv('exports/tiktok-weekly.csv', { period: '1 week' });
 * const fit = calibrate({
 *   history: history.activity,
 *   observed: { series: 'reach', values: history.views, period: '1 week' },
 *   fit: ['neglectDecay'],
 * });
 * ```
 */
export function readHistoryCsv(path: string, options: HistoryOptions = {}): History {
  return parseHistoryCsv(readFileSync(path, 'utf8'), options);
}
