/**
 * A worker thread of `monteCarloInWorkers` (`relationship-equity/node`). For
 * each Monte Carlo it is sent, it owns the runs `first` … `last − 1`; in round
 * b, when the main thread lets it through, it steps them over block b into
 * shared memory and summarises the grid points of block b − 1 it claims. It
 * then waits for the next Monte Carlo (workers are kept between calls).
 * Node only.
 *
 * @internal
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { ENSEMBLE_BLOCK } from './ensemble/ensemble.js';
import { createParticipant } from './ensemble/monte-carlo.js';
import type { ResolvedUncertainty } from './ensemble/uncertainty.js';
import { Schedule, type ScheduleSpec } from './model/schedule.js';
import type { PreparedRun, SeriesName } from './model/simulate.js';

interface Data {
  /** The run as the main thread checked and resolved it (no option is checked twice). */
  readonly prepared: Omit<PreparedRun, 'activity'> & { readonly activity: ScheduleSpec };
  readonly uncertainty: ResolvedUncertainty;
  readonly series: readonly SeriesName[];
  readonly first: number;
  readonly last: number;
  /** Two sets of block buffers, per series: block b is stepped into set b mod 2. */
  readonly values: readonly Readonly<Record<string, SharedArrayBuffer>>[];
  readonly draws: Readonly<Record<string, SharedArrayBuffer>>;
  /** Per series, the band's mean then its quantiles, each a shared array over every grid point. */
  readonly bands: Readonly<Record<string, readonly SharedArrayBuffer[]>>;
  readonly control: SharedArrayBuffer;
}

/** Do this thread's part of one Monte Carlo. */
function run(data: Data): void {
  const job = {
    prepared: { ...data.prepared, activity: new Schedule(data.prepared.activity) },
    uncertainty: data.uncertainty,
    series: data.series,
  };
  const { levels } = job.uncertainty;
  const draws = Object.fromEntries(Object.entries(data.draws).map(([name, buffer]) => [name, new Float64Array(buffer)]));
  const values = data.values.map(
    (set) => Object.fromEntries(Object.entries(set).map(([name, buffer]) => [name, new Float64Array(buffer)])) as Partial<Record<SeriesName, Float64Array>>,
  );
  const bands = Object.fromEntries(
    Object.entries(data.bands).map(([name, buffers]) => [
      name,
      { mean: new Float64Array(buffers[0]!), quantiles: levels.map((level, l) => ({ level, values: new Float64Array(buffers[l + 1]!) })) },
    ]),
  );
  // control[0]: the round the main thread allows (round b + 1: step block b and summarise block b − 1);
  // control[1]: rounds finished, counted over all worker threads; control[2]: the next (point, series) to claim.
  const control = new Int32Array(data.control);
  const allowed = (round: number): void => {
    while (Atomics.load(control, 0) < round) Atomics.wait(control, 0, Atomics.load(control, 0));
  };
  const done = (): void => {
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  };
  const claim = (): number => Atomics.add(control, 2, 1);
  const part = createParticipant(job, data, bands, (run, drawn) => drawn.forEach((v, i) => (draws[job.uncertainty.names[i]!]![run] = v)));
  done(); // ready: the runs are made
  const blocks = Math.ceil(part.points / ENSEMBLE_BLOCK);
  for (let b = 0; b <= blocks; b++) {
    allowed(b + 1);
    if (b < blocks) part.step(b * ENSEMBLE_BLOCK, values[b % 2]!);
    if (b > 0) part.summarise((b - 1) * ENSEMBLE_BLOCK, values[(b - 1) % 2]!, claim);
    done();
  }
}

/** Run one Monte Carlo's part; a failure goes back as plain data (its class would not cross), and wakes the main thread. */
parentPort!.on('message', (data: Data) => {
  try {
    run(data);
  } catch (error) {
    const e = error as Error & { field?: string; value?: unknown };
    let value: unknown = e.value;
    try {
      structuredClone(value);
    } catch {
      value = String(value);
    }
    const allowed = /must be (.*), got /s.exec(e.message)?.[1];
    parentPort!.postMessage({ failure: { name: e.name, message: e.message, field: e.field, value, ...(allowed === undefined ? {} : { allowed }) } });
    const control = new Int32Array(data.control);
    Atomics.add(control, 1, 1 << 20);
    Atomics.notify(control, 1);
  }
});
