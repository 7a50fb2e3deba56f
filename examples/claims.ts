/**
 * Print the claims table of docs/model.md with the values measured under the
 * default parameters.
 *
 * Run: npm run claims            (a table, then each claim's margins: how far one parameter can move before it breaks)
 *      npm run -s claims -- --json  ({ "C1": { "value", "band", "holds", ... }, ... })
 *      npm run claims -- --write-docs  (refresh the table in docs/model.md)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkClaims, claimMargins, marginLine } from '../src/index.js';
import { withClaims } from './lib/claims-markdown.js';

const rows = checkClaims();

if (process.argv.includes('--write-docs')) {
  const path = new URL('../docs/model.md', import.meta.url);
  writeFileSync(path, withClaims(readFileSync(path, 'utf8'), rows));
  console.log('docs/model.md: claims table updated');
} else if (process.argv.includes('--json')) {
  const json = Object.fromEntries(
    rows.map((row) => [row.id, { value: row.value, band: row.band, holds: row.holds, details: row.details }]),
  );
  console.log(JSON.stringify(json, null, 2));
} else {
  const number = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(3));
  console.log('\nThe claims table with the default parameters\n');
  for (const row of rows) {
    const band = row.band === null ? '' : `  band [${row.band[0]}, ${row.band[1]}]`;
    console.log(`${row.holds ? '✔' : '✘'} ${row.id.padEnd(3)} "${row.seedSays}"`);
    console.log(`      ${row.requirement}`);
    console.log(`      measured ${number(row.value)}${band}`);
    const details = Object.entries(row.details)
      .map(([key, value]) => `${key} ${typeof value === 'number' ? number(value) : value}`)
      .join(', ');
    console.log(`      (${details})\n`);
  }
  const failing = rows.filter((row) => !row.holds);
  console.log(failing.length === 0 ? 'Every claim holds.' : `Failing: ${failing.map((r) => r.id).join(', ')}`);
  console.log('\nMargins: the smallest move of one parameter (of PARAMETER_RANGES, up or down, up to 50%) that breaks each claim\n');
  const margins = claimMargins();
  for (const claim of margins) console.log(`  ${marginLine(claim)}`);
  const knifeEdge = margins.filter((c) => c.knifeEdge).map((c) => c.id);
  console.log(knifeEdge.length === 0 ? '\nNo claim is knife-edge (every margin is 5% or more).' : `\nKnife-edge (a margin under 5%): ${knifeEdge.join(', ')}`);
  process.exitCode = failing.length === 0 ? 0 : 1;
}
