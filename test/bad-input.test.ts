/**
 * One table of invalid inputs for every public function: each row expects a
 * specific error class and the field it names — including the wrong types an
 * untyped JavaScript caller can pass. A test checks the table covers every
 * exported function.
 */
import { describe, expect, it } from 'vitest';
import * as library from 'relationship-equity';
import {
  DurationError,
  InputTypeError,
  ParameterError,
  absenceCost,
  allocate,
  applyKernel,
  breakEvenHorizon,
  calibrate,
  calibrateFromClaims,
  priorsFromBeliefs,
  channel,
  checkClaims,
  compare,
  costOfDelay,
  createMonitor,
  daysToMonths,
  effortValueSplit,
  equivalentMonths,
  historyFromRows,
  kernelWeights,
  leaderPlan,
  loadScenario,
  measureClaim,
  monitor,
  monteCarlo,
  parseHistoryCsv,
  randomStream,
  requiredLeadMultiple,
  resolveParameters,
  respond,
  saveScenario,
  schedule,
  simulate,
  simulateChannel,
  simulatePlatform,
  toDays,
  whatIf,
} from 'relationship-equity';
import { charts } from '../src/charts.js';
import { readHistoryCsv, renderSvg } from '../src/node.js';
import { expectReadableMessage } from './helpers.js';

type ErrorClass = new (...args: never[]) => Error & { field: string };
const any = (x: unknown) => x as never;
const run = simulate({ horizon: 30 });

/** [function name, call, expected error class, expected field] */
const table: [string, () => unknown, ErrorClass, string][] = [
  ['toDays', () => toDays(any({ days: 3 })), DurationError, 'duration'],
  ['toDays', () => toDays('3 fortnights and a bit'), DurationError, 'duration'],
  ['daysToMonths', () => daysToMonths(NaN), DurationError, 'days'],
  ['daysToMonths', () => daysToMonths(any('30')), DurationError, 'days'],
  ['respond', () => respond(any('1'), { kind: 'hill', halfSaturation: 1, shape: 1 }), InputTypeError, 'x'],
  ['respond', () => respond(1, any(null)), InputTypeError, 'response'],
  ['kernelWeights', () => kernelWeights(any('geometric')), InputTypeError, 'kernel'],
  ['kernelWeights', () => kernelWeights({ kind: 'geometric', alpha: 0.5 }, { step: -1 }), DurationError, 'options.step'],
  ['applyKernel', () => applyKernel(any(null), { kind: 'geometric', alpha: 0.5 }), InputTypeError, 'series'],
  ['applyKernel', () => applyKernel([1], { kind: 'geometric', alpha: 0.5 }, any({ returnState: 'yes' })), InputTypeError, 'options.returnState'],
  ['resolveParameters', () => resolveParameters(any([1, 2])), InputTypeError, 'parameters'],
  ['resolveParameters', () => resolveParameters({ momentumFloor: -0.1 }), ParameterError, 'parameters.momentumFloor'],
  ['schedule.weekly', () => schedule.weekly(any(undefined)), InputTypeError, 'postsPerWeek'],
  ['schedule.daily', () => schedule.daily(-3), ParameterError, 'postsPerDay'],
  ['schedule.fromLog', () => schedule.fromLog(any({ day: 1 })), InputTypeError, 'entries'],
  ['Schedule.withEvents', () => schedule.none().withEvents(any(null)), InputTypeError, 'withEvents'],
  ['Schedule.pause', () => schedule.none().pause({ from: '1 year', for: any(true) }), DurationError, 'pause.for'],
  ['Schedule.change', () => schedule.none().change(any({ at: 1, postsPerMonth: 3 })), ParameterError, 'change.postsPerMonth'],
  ['Schedule.quality', () => schedule.none().quality(-1), ParameterError, 'quality.value'],
  ['Schedule.sample', () => schedule.none().sample(0, 0, 3), ParameterError, 'sample.step'],
  ['simulate', () => simulate(any('5 years')), InputTypeError, 'options'],
  ['simulate', () => simulate({ horizon: '1 year', start: '-2 years' }), DurationError, 'start'],
  ['compare', () => compare(run, simulate({ horizon: 31 })), ParameterError, 'b.days'],
  ['crossover', () => library.crossover(run, run, any({ series: 'leads' })), ParameterError, 'options.series'],
  ['sobolIndices', () => library.sobolIndices(({ a }: { a: number }) => a, any({ a: [2, 1] }), { seed: 1 }), ParameterError, 'ranges.a'],
  ['morrisEffects', () => library.morrisEffects(({ a }: { a: number }) => a, { a: [0, 1] }, any({ seed: 1, levels: 3 })), ParameterError, 'options.levels'],
  ['swings', () => library.swings(({ a }: { a: number }) => a, { a: [0, 1] }, any({ ends: [1, 0] })), ParameterError, 'options.ends'],
  ['sensitivity', () => library.sensitivity(any({ question: 'equityLost', method: 'swings', parameters: ['nope'] })), ParameterError, 'parameters[0]'],
  ['claimMargins', () => library.claimMargins(any({ claims: ['C0'] })), ParameterError, 'claims[0]'],
  ['marginLine', () => library.marginLine(any(null)), InputTypeError, 'claim'],
  ['account', () => library.account(any({ name: 'ours', scale: { reach: -2 } })), ParameterError, 'account.scale.reach'],
  ['equivalentMonths', () => equivalentMonths(any('12')), InputTypeError, 'equity'],
  ['absenceCost', () => absenceCost(any({ activeFor: '1 year' })), DurationError, 'absentFor'],
  ['checkClaims', () => checkClaims({ parameters: { activeDecay: -1 } }), ParameterError, 'parameters.activeDecay'],
  ['measureClaim', () => measureClaim(any('C0')), ParameterError, 'id'],
  ['monteCarlo', () => monteCarlo(any({ runs: 'many', seed: 1, scenario: { horizon: 10 } })), InputTypeError, 'runs'],
  ['monteCarlo', () => monteCarlo({ runs: 3, seed: 1, scenario: any(null) }), InputTypeError, 'scenario'],
  ['randomStream', () => randomStream(any({}), 0), InputTypeError, 'seed'],
  ['randomStream', () => randomStream('s', -1), ParameterError, 'index'],
  ['whatIf', () => whatIf({ horizon: 10 }, any([])), InputTypeError, 'alternatives'],
  ['whatIf', () => whatIf({ horizon: 10 }, {}), ParameterError, 'alternatives'],
  ['whatIf', () => whatIf({ horizon: 10 }, { a: { horizon: 10 } }, any({ runs: 2 })), InputTypeError, 'seed'],
  ['costOfDelay', () => costOfDelay({ resumeAt: any('now') }), ParameterError, 'resumeAt'],
  ['channel', () => channel(any(42)), InputTypeError, 'channel'],
  ['simulateChannel', () => simulateChannel(channel('tiktok'), -1, { horizon: '1 year' }), ParameterError, 'postsPerWeek'],
  ['allocate', () => allocate(any({ channels: 'tiktok', budget: 7, horizon: '1 year' })), ParameterError, 'channels'],
  ['simulatePlatform', () => simulatePlatform(any({ horizon: '1 year', accounts: [{ name: 7 }] })), InputTypeError, 'accounts[0].name'],
  ['calibrate', () => calibrate(any({ history: schedule.none(), observed: { series: 'reach', values: 'lots' }, fit: ['neglectDecay'] })), InputTypeError, 'observed.values'],
  ['historyFromRows', () => historyFromRows(any('2022-01-01')), InputTypeError, 'rows'],
  ['parseHistoryCsv', () => parseHistoryCsv(any(null)), InputTypeError, 'text'],
  ['calibrateFromClaims', () => calibrateFromClaims(any({ kind: 'absence-loss' })), ParameterError, 'beliefs'],
  ['priorsFromBeliefs', () => priorsFromBeliefs(any({ parameters: {}, fits: [] })), ParameterError, 'calibration.fits'],
  ['createMonitor', () => createMonitor({ baseline: 'forever' }), DurationError, 'options.baseline'],
  ['createMonitor().push', () => createMonitor().push(any({ posts: '1' })), InputTypeError, 'day.posts'],
  ['monitor', () => monitor(any('history')), InputTypeError, 'history'],
  ['requiredLeadMultiple', () => requiredLeadMultiple(any('30%')), InputTypeError, 'transferRate'],
  ['leaderPlan', () => leaderPlan({ clientTarget: -5, transferRate: 0.3, horizon: '1 year' }), ParameterError, 'clientTarget'],
  ['breakEvenHorizon', () => breakEvenHorizon({ postsPerWeek: 0 }), ParameterError, 'postsPerWeek'],
  ['effortValueSplit', () => effortValueSplit({ now: '2 years', horizon: '1 year' }), ParameterError, 'horizon'],
  ['saveScenario', () => saveScenario(any({ horizon: 10, activity: 'weekly' })), ParameterError, 'activity'],
  ['loadScenario', () => loadScenario(any(42)), InputTypeError, 'scenario'],
  ['charts.bands', () => charts.bands(monteCarlo({ runs: 2, seed: 1, scenario: { horizon: 10 }, series: ['equity'] })), ParameterError, 'options.series'],
  ['charts.kernel', () => charts.kernel(any({ kind: 'adstock' })), ParameterError, 'kernel.kind'],
  ['charts.response', () => charts.response(any({ kind: 'hill', shape: 1 })), InputTypeError, 'response.halfSaturation'],
  ['readHistoryCsv', () => readHistoryCsv(any('/nonexistent/export.csv')), Error as never, ''],
];

describe('bad input, every public function', () => {
  it.each(table)('%s rejects bad input with the right class, naming the field', (_name, call, kind, field) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(kind);
    if (field !== '') {
      expect((error as { field: string }).field).toBe(field);
      expect((error as Error).message).toContain(`\`${field}\``);
      expectReadableMessage(error);
    }
  });

  it('renderSvg rejects a spec that is not Vega-Lite', async () => {
    await expect(renderSvg(any({ mark: 'pie-with-sprinkles' }))).rejects.toThrow();
  });

  it('covers every exported function and builder', () => {
    const covered = new Set(table.map(([name]) => name.split('.')[0]!.replace('()', '')));
    const functions = Object.entries(library)
      .filter(([name, value]) => typeof value === 'function' && !/Error$/.test(name) && name !== 'Schedule')
      .map(([name]) => name);
    for (const name of functions) expect(covered.has(name), name).toBe(true);
    for (const builder of Object.keys(library.schedule)) expect(covered.has('schedule'), builder).toBe(true);
  });
});
