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
import { readAccount } from '../model/account.js';
import { Schedule, readSpec, type ScheduleSpec } from '../model/schedule.js';
import { checkText } from '../core/limits.js';
import { plainObject } from '../core/validate.js';
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

/** A scenario: the options of {@link simulate}, `name` included. */
export type Scenario = SimulateOptions;

const finite = v.pipe(v.number(), v.finite());
const atLeastZero = v.pipe(finite, v.minValue(0));
const duration = v.union([atLeastZero, v.pipe(v.string(), v.maxLength(100))]);


const fileSchema = v.strictObject({
  format: v.literal(SCENARIO_FORMAT),
  name: v.optional(v.pipe(v.string(), v.maxLength(500))),
  horizon: duration,
  step: v.optional(duration),
  start: v.optional(duration),
  // The schedule is read by the Schedule itself, the parameters and the initial state by simulate's
  // own checks: each rule written once, and `__proto__` refused there rather than dropped here.
  activity: v.unknown(),
  parameters: v.optional(v.unknown()),
  initial: v.optional(v.unknown()),
  account: v.optional(v.unknown()),
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
  /** The account: its name, parameters, units and scales. */
  account?: Record<string, unknown> | undefined;
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
  const o = plainObject('scenario', scenario); // each field read once
  const prepared = prepareRun(o as unknown as Scenario, 'scenario');
  const file: ScenarioFile = {
    format: SCENARIO_FORMAT,
    ...(o.name === undefined ? {} : { name: o.name as string }),
    horizon: o.horizon as number | string,
    ...(o.step === undefined ? {} : { step: o.step as number | string }),
    ...(o.start === undefined ? {} : { start: o.start as number | string }),
    activity: JSON.parse(JSON.stringify(prepared.activity.spec)) as ScenarioFile['activity'],
    ...(o.parameters === undefined ? {} : { parameters: JSON.parse(JSON.stringify(o.parameters)) as Record<string, unknown> }),
    ...(o.initial === undefined ? {} : { initial: JSON.parse(JSON.stringify(o.initial)) as Record<string, unknown> }),
    ...(prepared.account === null ? {} : { account: JSON.parse(JSON.stringify(prepared.account)) as Record<string, unknown> }),
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  loadScenario(text); // what is saved must load: the file's own limits (a 100-year horizon, names of 500 characters) apply here too
  return text;
}

/** Refuse what would be slow to even look at, before looking at it. */
function refuseOversized(data: unknown): void {
  if (data === null || typeof data !== 'object') return;
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
 * over `LIMITS.textCharacters`) and every value, before anything is simulated;
 * a byte-order mark is skipped.
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
    checkText('scenario', input, 'a scenario file');
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input); // a byte-order mark, as editors write one
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
      issue.type === 'min_value' || issue.type === 'max_length'
        ? `${issue.type === 'max_length' ? 'of length' : 'a number'} ${expected.replace('>=', '≥ ').replace('<=', '≤ ').replace(/^>(?=\d)/, '> ')}`
        : expected === 'Object'
          ? 'a JSON object'
          : `of type ${expected}`;
    throw new ParameterError(field, issue.input, allowed);
  }
  const file = result.output;
  if (file.activity === undefined) throw new ParameterError('scenario.activity', undefined, 'present: a required field of a scenario file');
  const scenario: Scenario = {
    ...(file.name === undefined ? {} : { name: file.name }),
    horizon: file.horizon,
    ...(file.step === undefined ? {} : { step: file.step }),
    ...(file.start === undefined ? {} : { start: file.start }),
    activity: new Schedule(readSpec('scenario.activity', file.activity)),
    ...(file.parameters === undefined ? {} : { parameters: file.parameters as ParameterInput }),
    ...(file.initial === undefined ? {} : { initial: file.initial as Partial<ModelState> }),
    ...(file.account === undefined ? {} : { account: readAccount('scenario.account', file.account) }),
  };
  prepareRun(scenario, 'scenario');
  return scenario;
}
