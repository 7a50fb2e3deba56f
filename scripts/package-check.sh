#!/usr/bin/env bash
# What a user installing the package gets: pack it, install the tarball into a
# scratch project (as the README says until it is on the registry), and run the
# seed's question there in ESM and in CommonJS — including that an error thrown
# by relationship-equity/node is an instance of the main entry's error classes.
#
#   bash scripts/package-check.sh   (npm run check:package; needs npm run build first)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
[ -f dist/index.js ] || { echo "package-check: run npm run build first" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(npm pack --silent --pack-destination "$scratch" | tail -1)
cd "$scratch"
npm init -y > /dev/null
npm install --no-audit --no-fund --silent "./$tarball"
cat > esm.mjs <<'JS'
import { absenceCost, InputTypeError } from 'relationship-equity';
import { charts } from 'relationship-equity/charts';
import { readHistoryCsv } from 'relationship-equity/node';
const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
if (Math.round(cost.fractionLost * 100) !== 30) throw new Error(`ESM: expected 30% lost, got ${cost.fractionLost}`);
if (typeof charts.absence(cost) !== 'object') throw new Error('ESM: no chart');
let shared = false;
try { readHistoryCsv(''); } catch (e) { shared = e instanceof InputTypeError; }
if (!shared) throw new Error('ESM: an error from relationship-equity/node is not an InputTypeError of relationship-equity');
console.log(`ESM: an 8-month absence after 18 months costs ${Math.round(cost.fractionLost * 100)}%; the node entry's errors are the main entry's classes`);
const { monteCarloInWorkers } = await import('relationship-equity/node');
const spread = await monteCarloInWorkers({ runs: 40, seed: 1, workers: 2, scenario: { horizon: '1 year' } });
if (spread.runs !== 40 || !(spread.bands.equity.mean[100] > 0)) throw new Error('ESM: monteCarloInWorkers gave no bands');
console.log('ESM: monteCarloInWorkers ran 40 runs on 2 worker threads');
JS
cat > cjs.cjs <<'JS'
const { absenceCost, InputTypeError } = require('relationship-equity');
const { charts } = require('relationship-equity/charts');
const { readHistoryCsv } = require('relationship-equity/node');
const cost = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
if (Math.round(cost.fractionLost * 100) !== 30) throw new Error(`CJS: expected 30% lost, got ${cost.fractionLost}`);
if (typeof charts.absence(cost) !== 'object') throw new Error('CJS: no chart');
let shared = false;
try { readHistoryCsv(''); } catch (e) { shared = e instanceof InputTypeError; }
if (!shared) throw new Error('CJS: an error from relationship-equity/node is not an InputTypeError of relationship-equity');
console.log(`CJS: an 8-month absence after 18 months costs ${Math.round(cost.fractionLost * 100)}%; the node entry's errors are the main entry's classes`);
// Worker threads load the worker file of the same format: check it runs from CommonJS too.
require('relationship-equity/node').monteCarloInWorkers({ runs: 40, seed: 1, workers: 2, scenario: { horizon: '1 year' } }).then((r) => {
  if (r.runs !== 40 || !(r.bands.equity.mean[100] > 0)) throw new Error('CJS: monteCarloInWorkers gave no bands');
  console.log('CJS: monteCarloInWorkers ran 40 runs on 2 worker threads');
});
JS
node esm.mjs
node cjs.cjs
installed=$(du -sk node_modules | cut -f1)
echo "installed: $tarball, node_modules $((installed / 1024)) MB ($(ls node_modules | tr '\n' ' '))"
