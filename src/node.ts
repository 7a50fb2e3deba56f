/**
 * The Node-only entry, `relationship-equity/node`: what needs the file system.
 * Everything else lives in the browser-safe main entry.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { parseHistoryCsv, type History, type HistoryOptions } from 'relationship-equity';

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
