/**
 * A worker thread of `monteCarloInWorkers` (`relationship-equity/node`): it
 * owns the runs `first` … `last − 1`, steps them block by block into shared
 * memory, and waits for the main thread to summarise each block before the
 * next. Node only.
 *
 * @internal
 * @module
 */
import { workerData } from 'node:worker_threads';
import { ENSEMBLE_BLOCK, createEnsemble, prepareMonteCarlo, scratch, summarise, type MonteCarloOptions } from './monte-carlo.js';
import { Schedule, type ScheduleSpec } from './schedule.js';
import type { SeriesName } from './simulate.js';

interface Data {
  readonly options: MonteCarloOptions & { readonly scenario: { readonly activity?: ScheduleSpec } };
  readonly first: number;
  readonly last: number;
  readonly values: Readonly<Record<string, SharedArrayBuffer>>;
  readonly draws: Readonly<Record<string, SharedArrayBuffer>>;
  /** Per series, the band's mean then its quantiles, each a shared array over every grid point. */
  readonly bands: Readonly<Record<string, readonly SharedArrayBuffer[]>>;
  readonly control: SharedArrayBuffer;
  /** This worker's index and the number of workers, to share out the columns to summarise. */
  readonly index: number;
  readonly workers: number;
}

const data = workerData as Data;
const spec = data.options.scenario.activity;
const scenario = { ...data.options.scenario, ...(spec === undefined ? {} : { activity: new Schedule(spec) }) };
const job = prepareMonteCarlo({ ...data.options, scenario });
const draws = Object.fromEntries(Object.entries(data.draws).map(([name, buffer]) => [name, new Float64Array(buffer)]));
const ensemble = createEnsemble(
  [job.prepared],
  [scenario],
  job.uncertainty,
  (run, values) => values.forEach((v, i) => (draws[job.uncertainty.names[i]!]![run] = v)),
  data.first,
  data.last,
);
const values = [Object.fromEntries(Object.entries(data.values).map(([name, buffer]) => [name, new Float64Array(buffer)])) as Partial<Record<SeriesName, Float64Array>>];
const { levels, runs } = job.uncertainty;
const bands = Object.fromEntries(
  Object.entries(data.bands).map(([name, buffers]) => [
    name,
    { mean: new Float64Array(buffers[0]!), quantiles: levels.map((level, l) => ({ level, values: new Float64Array(buffers[l + 1]!) })) },
  ]),
);
const buffers = scratch(runs, levels);
// control[0]: the phase the main thread allows (2·block: step the runs; 2·block + 1: summarise);
// control[1]: phases finished, counted over all workers.
const control = new Int32Array(data.control);
const phase = (n: number): void => {
  while (Atomics.load(control, 0) < n) Atomics.wait(control, 0, Atomics.load(control, 0));
};
const done = (): void => {
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
};
for (let b = 0, from = 0; from < ensemble.points; b++, from += ENSEMBLE_BLOCK) {
  const length = Math.min(ENSEMBLE_BLOCK, ensemble.points - from);
  phase(2 * b);
  ensemble.advance(from, from + length, values);
  done();
  // Every worker summarises its share of the block's columns, over all runs.
  phase(2 * b + 1);
  const columns: [number, number] = [Math.floor((length * data.index) / data.workers), Math.floor((length * (data.index + 1)) / data.workers)];
  const block = { from, length, values, stride: runs };
  for (const [name, band] of Object.entries(bands)) {
    const buffer = values[0]![name as SeriesName]!;
    summarise(block, runs, { buffer, stride: runs }, band, levels, buffers, columns);
  }
  done();
}
