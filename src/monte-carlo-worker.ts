/**
 * A worker thread of `monteCarloInWorkers` (`relationship-equity/node`): it
 * owns the runs `first` … `last − 1`, and for every block steps them into
 * shared memory, then summarises its share of the block's grid points, each
 * time when the main thread lets it through. Node only.
 *
 * @internal
 * @module
 */
import { workerData } from 'node:worker_threads';
import { ENSEMBLE_BLOCK, createParticipant, type ResolvedUncertainty } from './monte-carlo.js';
import type { ParameterInput } from './parameters.js';
import { Schedule, type ScheduleSpec } from './schedule.js';
import type { PreparedRun, SeriesName } from './simulate.js';

interface Data {
  /** The run as the main thread checked and resolved it (no option is checked twice). */
  readonly prepared: Omit<PreparedRun, 'activity'> & { readonly activity: ScheduleSpec };
  /** The scenario's parameters as given, which each run's draws are set into. */
  readonly parameters: ParameterInput | undefined;
  readonly uncertainty: ResolvedUncertainty;
  readonly series: readonly SeriesName[];
  readonly first: number;
  readonly last: number;
  readonly values: Readonly<Record<string, SharedArrayBuffer>>;
  readonly draws: Readonly<Record<string, SharedArrayBuffer>>;
  /** Per series, the band's mean then its quantiles, each a shared array over every grid point. */
  readonly bands: Readonly<Record<string, readonly SharedArrayBuffer[]>>;
  readonly control: SharedArrayBuffer;
  /** This thread's index and the number of threads (the main thread is 0), to share out the points to summarise. */
  readonly index: number;
  readonly threads: number;
}

const data = workerData as Data;
const job = {
  prepared: { ...data.prepared, activity: new Schedule(data.prepared.activity) },
  scenario: data.parameters === undefined ? {} : { parameters: data.parameters },
  uncertainty: data.uncertainty,
  series: data.series,
};
const { levels } = job.uncertainty;
const draws = Object.fromEntries(Object.entries(data.draws).map(([name, buffer]) => [name, new Float64Array(buffer)]));
const values = Object.fromEntries(Object.entries(data.values).map(([name, buffer]) => [name, new Float64Array(buffer)])) as Partial<Record<SeriesName, Float64Array>>;
const bands = Object.fromEntries(
  Object.entries(data.bands).map(([name, buffers]) => [
    name,
    { mean: new Float64Array(buffers[0]!), quantiles: levels.map((level, l) => ({ level, values: new Float64Array(buffers[l + 1]!) })) },
  ]),
);
// control[0]: the phase the main thread allows (2·block: step the runs; 2·block + 1: summarise);
// control[1]: phases finished, counted over all worker threads.
const control = new Int32Array(data.control);
const phase = (n: number): void => {
  while (Atomics.load(control, 0) < n) Atomics.wait(control, 0, Atomics.load(control, 0));
};
const done = (): void => {
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
};
const part = createParticipant(job, data, values, bands, (run, drawn) => drawn.forEach((v, i) => (draws[job.uncertainty.names[i]!]![run] = v)));
done(); // ready: the runs are made
for (let b = 0, from = 0; from < part.points; b++, from += ENSEMBLE_BLOCK) {
  phase(2 * b);
  part.step(from);
  done();
  phase(2 * b + 1);
  part.summarise(from);
  done();
}
