/**
 * Scenario files: a scenario (what {@link simulate} takes) saved as JSON with a
 * format version, and loaded back with every field checked — unknown keys are
 * refused, `__proto__` and `constructor` change nothing, and oversized inputs
 * are refused at once instead of hanging. The file's shape is checked with
 * valibot; the values with the library's own validation.
 *
 * @module
 */
import * as v from 'valibot';
import { DAYS_PER_YEAR, toDays, type Duration } from '../core/duration.js';
import { InputTypeError, ParameterError } from '../core/errors.js';
import type { ParameterInput } from '../model/parameters.js';
import { Schedule, type ScheduleSpec } from '../model/schedule.js';
import { prepareRun, type ModelState, type SimulateOptions } from '../model/simulate.js';

/**
 * The format version written by {@link saveScenario} and read by {@link loadScenario}.
 * @example
 * ```ts
 * import { SCENARIO_FORMAT, saveScenario } from 'relationship-equity';
 * JSON.parse(saveScenario({ horizon: '1 year' })).format === SCENARIO_FORMAT; // true
 * ```
 */
export const SCENARIO_FORMAT = 1;

/** Largest horizon a scenario file may ask for: 100 years. */
const MAX_HORIZON_DAYS = 100 * DAYS_PER_YEAR;
/** Most logged posts and events in a file. */
const MAX_LOG_ENTRIES = 1_000_000;
/** Most rate changes, event rules, pauses and quality spans in a file, each. */
const MAX_RULES = 10_000;
/** Largest file accepted, in characters. */
const MAX_TEXT = 64 * 1024 * 1024;

/** A scenario: the options of {@link simulate}, `name` included. */
export type Scenario = SimulateOptions;

const finite = v.pipe(v.number(), v.finite());
const atLeastZero = v.pipe(finite, v.minValue(0));
const duration = v.union([atLeastZero, v.pipe(v.string(), v.maxLength(100))]);
const rules = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_RULES));

const scheduleSchema = v.strictObject({
  rates: rules(v.strictObject({ at: atLeastZero, postsPerDay: atLeastZero })),
  loggedPosts: v.array(v.strictObject({ day: atLeastZero, count: atLeastZero })),
  spread: v.pipe(finite, v.gtValue(0)),
  eventRules: rules(v.strictObject({ every: v.pipe(finite, v.gtValue(0)), from: atLeastZero, until: v.nullable(atLeastZero) })),
  loggedEvents: v.array(v.strictObject({ day: atLeastZero, count: atLeastZero })),
  pauses: rules(v.strictObject({ from: atLeastZero, to: atLeastZero })),
  qualities: rules(v.strictObject({ from: atLeastZero, to: v.nullable(atLeastZero), value: atLeastZero })),
  origin: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  loggedUntil: v.optional(v.nullable(atLeastZero), null),
});

const fileSchema = v.strictObject({
  format: v.literal(SCENARIO_FORMAT),
  name: v.optional(v.pipe(v.string(), v.maxLength(500))),
  horizon: duration,
  step: v.optional(duration),
  start: v.optional(duration),
  activity: scheduleSchema,
  // Parameters and the initial state are checked by resolveParameters and simulate's own checks.
  parameters: v.optional(v.record(v.string(), v.unknown())),
  initial: v.optional(v.record(v.string(), v.unknown())),
});

/** The JSON shape of a scenario file. */
export interface ScenarioFile {
  /** The format version, {@link SCENARIO_FORMAT}. */
  format: 1;
  /** The scenario's name. */
  name?: string | undefined;
  /** The horizon: days, or a duration such as `'3 years'`. */
  horizon: number | string;
  /** The step. */
  step?: number | string | undefined;
  /** Time from the platform's launch to day 0. */
  start?: number | string | undefined;
  /** The schedule's plain spec. */
  activity: ScheduleSpec;
  /** Parameters changed from the defaults. */
  parameters?: Record<string, unknown> | undefined;
  /** The initial state. */
  initial?: Record<string, unknown> | undefined;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const parts = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`));
  return `scenario${parts.join('')}`;
}

/**
 * Save a scenario as JSON text, with the format version. The schedule is saved
 * as its plain spec.
 *
 * @throws {@link ParameterError} if the scenario is not valid (it is checked as {@link simulate} would).
 * @example
 * ```ts
 * import { saveScenario, loadScenario, schedule, simulate } from 'relationship-equity';
 * const text = saveScenario({ name: 'the seed', horizon: '3 years', activity: schedule.reference().pause({ from: '18 months', for: '8 months' }) });
 * const again = loadScenario(text);
 * simulate(again).final.equity === simulate(loadScenario(text)).final.equity; // true
 * ```
 */
export function saveScenario(scenario: Scenario): string {
  const prepared = prepareRun(scenario, 'scenario');
  const o = scenario as Scenario & Record<string, unknown>;
  const file: ScenarioFile = {
    format: SCENARIO_FORMAT,
    ...(o.name === undefined ? {} : { name: o.name }),
    horizon: o.horizon as number | string,
    ...(o.step === undefined ? {} : { step: o.step as number | string }),
    ...(o.start === undefined ? {} : { start: o.start as number | string }),
    activity: JSON.parse(JSON.stringify(prepared.activity.spec)) as ScenarioFile['activity'],
    ...(o.parameters === undefined ? {} : { parameters: JSON.parse(JSON.stringify(o.parameters)) as Record<string, unknown> }),
    ...(o.initial === undefined ? {} : { initial: JSON.parse(JSON.stringify(o.initial)) as Record<string, unknown> }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Refuse what would be slow to even look at, before looking at it. */
function refuseOversized(data: unknown): void {
  if (data === null || typeof data !== 'object') return;
  const activity = (data as Record<string, unknown>).activity as Record<string, unknown> | undefined;
  if (activity !== null && typeof activity === 'object') {
    for (const key of ['loggedPosts', 'loggedEvents'] as const) {
      const list = activity[key];
      if (Array.isArray(list) && list.length > MAX_LOG_ENTRIES) {
        throw new ParameterError(`scenario.activity.${key}`, `${list.length} entries`, `at most ${MAX_LOG_ENTRIES} entries`);
      }
    }
  }
  const horizon = (data as Record<string, unknown>).horizon;
  if (typeof horizon === 'number' || typeof horizon === 'string') {
    let days: number;
    try {
      days = toDays(horizon as Duration, 'scenario.horizon');
    } catch {
      return; // the schema and simulate's checks will name the problem
    }
    if (days > MAX_HORIZON_DAYS) throw new ParameterError('scenario.horizon', horizon, `at most 100 years (${MAX_HORIZON_DAYS} days) in a scenario file`);
  }
}

/**
 * Load a scenario saved by {@link saveScenario} (JSON text, or the parsed
 * object). Checks the format version, refuses unknown keys (including
 * `__proto__` and `constructor`, which therefore change nothing), oversized
 * inputs (a horizon over 100 years, more than a million logged entries, text
 * over 64 MB) and every value, before anything is simulated.
 *
 * @throws {@link ParameterError} naming the offending field (`scenario.activity.rates[0].at`, …).
 * @example
 * ```ts
 * import { loadScenario, simulate } from 'relationship-equity';
 * const scenario = loadScenario('{"format":1,"horizon":"1 year","activity":{"rates":[{"at":0,"postsPerDay":1}],"loggedPosts":[],"spread":7,"eventRules":[],"loggedEvents":[],"pauses":[],"qualities":[],"origin":null}}');
 * simulate(scenario).final.equity;
 * ```
 */
export function loadScenario(input: string | Record<string, unknown>): Scenario {
  let data: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_TEXT) throw new ParameterError('scenario', `${input.length} characters`, `at most ${MAX_TEXT} characters`);
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new ParameterError('scenario', input.slice(0, 40), `valid JSON (${(error as Error).message})`);
    }
    if (Array.isArray(data)) throw new ParameterError('scenario', input.slice(0, 40), 'a JSON object');
  } else if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InputTypeError('scenario', input, 'JSON text or an object');
  }
  refuseOversized(data);
  const result = v.safeParse(fileSchema, data, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const field = pathOf(issue);
    const received = issue.path?.[issue.path.length - 1]?.value;
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
      throw new ParameterError(field, received, 'absent: not a field of a scenario file');
    }
    if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input === undefined && issue.path !== undefined) {
      throw new ParameterError(field, undefined, 'present: a required field of a scenario file');
    }
    if (issue.type === 'literal' && field === 'scenario.format') {
      throw new ParameterError(field, issue.input, `format ${SCENARIO_FORMAT}, the version this library reads`);
    }
    const expected = issue.expected ?? '';
    const allowed =
      issue.type === 'min_value' || issue.type === 'gt_value' || issue.type === 'max_length'
        ? `${issue.type === 'max_length' ? 'of length' : 'a number'} ${expected.replace('>=', '≥ ').replace('<=', '≤ ').replace(/^>(?=\d)/, '> ')}`
        : expected === 'Object'
          ? 'a JSON object'
          : `of type ${expected}`;
    throw new ParameterError(field, issue.input, allowed);
  }
  const file = result.output;
  for (const [i, p] of file.activity.pauses.entries()) {
    if (!(p.to >= p.from)) throw new ParameterError(`scenario.activity.pauses[${i}].to`, p.to, `≥ from (${p.from})`);
  }
  const sorted = (list: readonly { day: number }[], key: string): void => {
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.day < list[i - 1]!.day) throw new ParameterError(`scenario.activity.${key}[${i}].day`, list[i]!.day, 'on or after the entry before it');
    }
  };
  sorted(file.activity.loggedPosts, 'loggedPosts');
  sorted(file.activity.loggedEvents, 'loggedEvents');
  const scenario: Scenario = {
    ...(file.name === undefined ? {} : { name: file.name }),
    horizon: file.horizon,
    ...(file.step === undefined ? {} : { step: file.step }),
    ...(file.start === undefined ? {} : { start: file.start }),
    activity: new Schedule({ ...file.activity, rates: [...file.activity.rates].sort((a, b) => a.at - b.at) }),
    ...(file.parameters === undefined ? {} : { parameters: file.parameters as ParameterInput }),
    ...(file.initial === undefined ? {} : { initial: file.initial as Partial<ModelState> }),
  };
  prepareRun(scenario, 'scenario');
  return scenario;
}
