/**
 * The Node-only entry, `relationship-equity/node`: what needs the file system.
 * Everything else lives in the browser-safe main entry.
 *
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseHistoryCsv, type History, type HistoryCsvOptions } from 'relationship-equity';
import { DurationError, InputTypeError, ParameterError } from './core/errors.js';
import { LIMITS } from './core/limits.js';
import { ENSEMBLE_BLOCK, blockBuffers } from './ensemble/ensemble.js';
import {
  createParticipant,
  monteCarlo,
  prepareMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloResult,
} from './ensemble/monte-carlo.js';
import { Schedule, type ScheduleSpec } from './model/schedule.js';
import { integerAtLeast, plainObject } from './core/validate.js';

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
 * It reads no file and no URL a spec names (`data: { url: '/etc/passwd' }` is
 * refused, not drawn) unless `options.allowLoading` is true.
 *
 * @throws an Error saying what to install if vega or vega-lite is missing;
 * {@link ParameterError} for a spec that asks to load data.
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
export async function renderSvg(spec: Record<string, unknown>, options: RenderOptions = {}): Promise<string> {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new InputTypeError('spec', spec, 'a Vega-Lite spec (an object, as the charts make)');
  const o = plainObject('options', options);
  if (o.allowLoading !== undefined && typeof o.allowLoading !== 'boolean') throw new InputTypeError('options.allowLoading', o.allowLoading, 'true or false');
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
  const View = vega.View as new (runtime: unknown, options: { renderer: string; loader: unknown }) => { toSVG(): Promise<string>; finalize(): void };
  const refused: unknown[] = [];
  const loader = o.allowLoading === true ? (vega.loader as () => unknown)() : refusingLoader(refused);
  const view = new View(parse(compile(spec).spec), { renderer: 'none', loader });
  try {
    const svg = await view.toSVG();
    // Vega draws on without data it could not load; a spec that asked for some is refused here.
    if (refused.length > 0) throw new ParameterError('spec', refused[0], 'data given inline (renderSvg reads no file or URL unless options.allowLoading is true)');
    return svg;
  } finally {
    view.finalize();
  }
}

/** A Vega loader that reads nothing and notes what was asked: a spec naming a file or a URL (`data: { url }`) cannot put its contents into the SVG. */
function refusingLoader(refused: unknown[]) {
  const refuse = (uri: unknown) => {
    refused.push(uri);
    return Promise.reject(new Error('renderSvg reads no file or URL'));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/** Options of {@link renderSvg}. */
export interface RenderOptions {
  /** Let the spec load data from files and URLs it names (`data: { url }`), as Vega would. Only for specs you trust. @defaultValue false */
  readonly allowLoading?: boolean;
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
export function readHistoryCsv(path: string, options: HistoryCsvOptions = {}): History {
  if (typeof path !== 'string' || path === '') throw new InputTypeError('path', path, 'the path of a CSV file (a file descriptor is not read)');
  const size = statSync(path).size;
  // A character takes at least a byte: a file this large cannot fit, whatever it holds.
  if (size > 4 * LIMITS.textCharacters) throw new ParameterError('path', path, `a CSV export of at most ${LIMITS.textCharacters} characters (the file has ${size} bytes)`);
  return parseHistoryCsv(readFileSync(path, 'utf8'), options);
}

/** Options of {@link monteCarloInWorkers}: those of `monteCarlo`, how many threads, and a way to stop. */
export interface ParallelMonteCarloOptions extends MonteCarloOptions {
  /** Threads to compute on, this one included (2 = this thread and one worker thread); at most the number of cores. @defaultValue the number of cores */
  readonly workers?: number;
  /** Stops the computation between blocks of days: the promise rejects with the signal's reason, and the worker threads end. */
  readonly signal?: AbortSignal;
}

/** How long a worker thread waits idle for the next call before it ends. */
const IDLE_MS = 30_000;

/** A worker's failure as plain data, to cross threads (an error's class does not). */
interface WorkerFailure {
  readonly name: string;
  readonly message: string;
  readonly field?: string;
  readonly value?: unknown;
  readonly allowed?: string;
}

/** The library's error again, of its own class, from what a worker sent. */
function errorFromWorker(failure: WorkerFailure): Error {
  const { name, field, value, message } = failure;
  if (field !== undefined && (name === 'ParameterError' || name === 'DurationError' || name === 'InputTypeError')) {
    const Class = name === 'ParameterError' ? ParameterError : name === 'DurationError' ? DurationError : InputTypeError;
    const error = new Class(field, value, failure.allowed ?? '');
    error.message = message;
    return error;
  }
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The schedule of a scenario as plain data, whichever copy of the library made it. */
function scheduleSpec(activity: unknown): ScheduleSpec | undefined {
  if (activity === undefined) return undefined;
  if (activity !== null && typeof activity === 'object' && 'spec' in activity) return (activity as { spec: ScheduleSpec }).spec;
  throw new ParameterError('activity', activity, 'a Schedule made with the `schedule` builders');
}

/**
 * Start a worker thread of `monteCarloInWorkers`, from the file beside this one:
 * JavaScript when built; in the source tree, TypeScript loaded through tsx (a
 * development dependency) in the worker.
 */
function startWorker(): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const extension = here.slice(here.lastIndexOf('.'));
  const file = join(dirname(here), `monte-carlo-worker${extension}`);
  // Workers would inherit the process's flags, and refuse many (--max-old-space-size, --expose-gc, --input-type): give them none.
  const execArgv: string[] = [];
  if (extension !== '.ts') return new Worker(file, { execArgv });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv });
}

/**
 * Worker threads kept between calls, idle and unreferenced (they do not keep
 * the process alive): a notebook's second Monte Carlo starts at once, with
 * threads whose code is already compiled.
 */
const idle: { worker: Worker; timer: ReturnType<typeof setTimeout> }[] = [];

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept !== undefined) clearTimeout(kept.timer);
  const worker = kept?.worker ?? startWorker();
  worker.ref();
  return worker;
}

/** Keep a worker for the next call, unreferenced, and end it when it has waited IDLE_MS. */
function keepWorker(worker: Worker): void {
  worker.removeAllListeners('error');
  worker.removeAllListeners('message');
  worker.unref();
  const entry = {
    worker,
    timer: setTimeout(() => {
      const at = idle.indexOf(entry);
      if (at >= 0) idle.splice(at, 1);
      void worker.terminate();
    }, IDLE_MS),
  };
  entry.timer.unref();
  idle.push(entry);
}

/**
 * How many worker threads `monteCarloInWorkers` keeps idle right now, waiting
 * for the next call (at most one fewer than the cores; each ends after 30 s idle).
 *
 * @example
 * ```ts
 * import { idleWorkers, monteCarloInWorkers } from 'relationship-equity/node';
 * await monteCarloInWorkers({ runs: 100, seed: 1, scenario: { horizon: '1 year' }, workers: 2 });
 * idleWorkers(); // 1
 * ```
 */
export function idleWorkers(): number {
  return idle.length;
}

/**
 * `monteCarlo` on several threads: this one and `workers − 1` worker threads.
 * The runs are split between the threads. In round b every thread steps its
 * runs over block b into shared memory and summarises grid points of block
 * b − 1 over all runs, taking them one at a time until none are left (so the
 * thread that stepped faster summarises more). Run i draws from stream
 * (seed, i) whichever thread runs it, and each grid point is summarised over
 * the runs in the same order, so the result is bit-identical to `monteCarlo`
 * with the same options.
 *
 * This thread computes its share too, between awaits, so the event loop still
 * turns between rounds; the worker threads make their runs while it makes its
 * own. Worker threads are kept, idle and unreferenced (they do not keep the
 * process alive), for the next call: it then starts at once.
 *
 * @throws `ParameterError` for invalid options (before any thread starts),
 * or the error a worker met.
 * @example
 * ```ts
 * import { schedule } from 'relationship-equity';
 * import { monteCarloInWorkers } from 'relationship-equity/node';
 * const result = await monteCarloInWorkers({
 *   runs: 10_000,
 *   seed: 'plan',
 *   scenario: { horizon: '5 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) },
 *   noise: { reach: 0.2 },
 *   workers: 2,
 * });
 * ```
 */
export async function monteCarloInWorkers(options: ParallelMonteCarloOptions): Promise<MonteCarloResult> {
  const { workers: requested, signal, ...rest } = plainObject('options', options) as unknown as ParallelMonteCarloOptions;
  const cores = availableParallelism();
  const workers = requested === undefined ? cores : Math.min(cores, integerAtLeast('workers', requested, 1));
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new InputTypeError('signal', signal, 'an AbortSignal');
  signal?.throwIfAborted();
  const spec = scheduleSpec(rest.scenario?.activity);
  const scenario = { ...rest.scenario, ...(spec === undefined ? {} : { activity: new Schedule(spec) }) };
  if (workers === 1) return monteCarlo({ ...rest, scenario });
  const shared = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));
  const job = prepareMonteCarlo({ ...rest, scenario }, shared);
  const runs = job.uncertainty.runs;
  const threads = Math.min(workers, runs);
  if (threads === 1) return monteCarlo({ ...rest, scenario });

  // Two sets of block buffers: block b is stepped into set b mod 2 while block b − 1 is summarised from the other.
  const values = blockBuffers(2, job.series, runs, shared);
  const draws = Object.fromEntries(job.uncertainty.names.map((name) => [name, new Float64Array(new SharedArrayBuffer(runs * 8))]));
  const control = new Int32Array(new SharedArrayBuffer(12));
  const { parameters, initial, step, steps, activity, account } = job.prepared;
  // The run as checked and resolved here, as plain data: the workers check nothing twice.
  const prepared = { parameters, initial, step, steps, account, activity: activity.spec, input: JSON.parse(JSON.stringify(job.prepared.input)) as unknown };
  const range = (index: number) => ({ first: Math.floor((runs * index) / threads), last: Math.floor((runs * (index + 1)) / threads) });
  let failure: Error | undefined;
  let failed: () => void = () => {};
  const failureArrived = new Promise<void>((resolve) => (failed = resolve));
  const fail = (error: Error): void => {
    failure ??= error;
    failed();
    Atomics.add(control, 1, 1 << 20); // wake the main thread
    Atomics.notify(control, 1);
  };
  const onAbort = (): void => fail(signal!.reason instanceof Error ? signal!.reason : new DOMException('The Monte Carlo was aborted', 'AbortError'));
  signal?.addEventListener('abort', onAbort, { once: true });
  // Thread 0 is this one; threads 1 … threads − 1 are workers, sent their part first so they work while this one makes its runs.
  const pool = Array.from({ length: threads - 1 }, (_, w) => {
    const worker = takeWorker();
    worker.on('error', fail);
    worker.on('message', (message: { failure?: WorkerFailure }) => {
      if (message.failure !== undefined) fail(errorFromWorker(message.failure));
    });
    worker.postMessage({
      prepared,
      uncertainty: job.uncertainty,
      series: job.series,
      ...range(w + 1),
      values: values.map((set) => Object.fromEntries(Object.entries(set).map(([name, array]) => [name, array!.buffer]))),
      draws: Object.fromEntries(Object.entries(draws).map(([name, array]) => [name, array.buffer])),
      bands: Object.fromEntries(
        Object.entries(job.bands).map(([name, band]) => [name, [band!.mean.buffer, ...band!.quantiles.map((q) => q.values.buffer)]]),
      ),
      control: control.buffer,
    });
    return worker;
  });
  let completed = false;
  try {
    const names = job.uncertainty.names;
    const part = createParticipant(job, range(0), job.bands, (run, drawn) => drawn.forEach((v, i) => (draws[names[i]!]![run] = v)));
    // Wait until every worker has finished `count` rounds (its first is making its runs).
    const finished = async (count: number): Promise<void> => {
      const target = (threads - 1) * count;
      for (let done = Atomics.load(control, 1); done < target && failure === undefined; done = Atomics.load(control, 1)) {
        const wait = waitAsync(control, 1, done);
        if (wait.async) await wait.value;
      }
      // A worker that failed has woken this thread; its error may still be on its way.
      if (failure === undefined && Atomics.load(control, 1) >= 1 << 20) await failureArrived;
      if (failure !== undefined) throw failure;
    };
    const claim = (): number => Atomics.add(control, 2, 1);
    await finished(1);
    // Round b: every thread steps its runs over block b, and summarises the points of block b − 1 it claims.
    const blocks = Math.ceil(part.points / ENSEMBLE_BLOCK);
    for (let b = 0; b <= blocks; b++) {
      Atomics.store(control, 2, 0);
      Atomics.store(control, 0, b + 1);
      Atomics.notify(control, 0);
      if (b < blocks) part.step(b * ENSEMBLE_BLOCK, values[b % 2]!);
      if (b > 0) part.summarise((b - 1) * ENSEMBLE_BLOCK, values[(b - 1) % 2]!, claim);
      await finished(b + 2);
      if (b > 0) {
        const from = (b - 1) * ENSEMBLE_BLOCK;
        job.onBlock({ from, length: Math.min(ENSEMBLE_BLOCK, part.points - from), values: [values[(b - 1) % 2]!], stride: runs }, true);
      }
    }
    completed = true;
    return fillDraws(job.result(), draws);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Workers that finished are kept for the next call; after a failure they may still wait for a round: stop them.
    if (completed) pool.forEach(keepWorker);
    else await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

/** `Atomics.waitAsync` (ES2024; in Node since 16), typed here for the ES2022 library. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/** Copy the draws the threads wrote into the result. */
function fillDraws(result: MonteCarloResult, draws: Record<string, Float64Array>): MonteCarloResult {
  for (const [name, array] of Object.entries(draws)) (result.draws[name] as Float64Array).set(array);
  return result;
}
