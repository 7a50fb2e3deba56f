import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  InputTypeError,
  MODEL_UNITS,
  ParameterError,
  absenceCost,
  account,
  breakEvenHorizon,
  createMonitor,
  effortValueSplit,
  leaderPlan,
  loadScenario,
  monitor,
  saveScenario,
  calibrate,
  compare,
  costOfDelay,
  monteCarlo,
  schedule,
  simulate,
  whatIf,
} from 'relationship-equity';
import { caught, expectClose } from './helpers.js';
import { accountParameters, applyScale, sameAccounting, scaleArrays, scaleOf, totalUnit, unitsOf } from '../src/model/account.js';
import { syntheticHistory } from './generators/histories.js';

const away = schedule.reference().pause({ from: '18 months', for: '8 months' });

describe('account', () => {
  it('reads name, units and scales, defaulting the units to views and leads for the series with a scale', () => {
    const ours = account({ name: '  our TikTok ', scale: { reach: 12, interest: 0.006 } });
    expect(ours.name).toBe('our TikTok');
    expect(ours.units).toEqual({ reach: 'views', interest: 'leads' });
    expect(ours.scale).toEqual({ reach: 12, interest: 0.006 });
    const partial = account({ name: 'x', units: { interest: 'enquiries' }, scale: { interest: 2 } });
    expect(partial.units).toEqual({ reach: null, interest: 'enquiries' });
    expect(Object.isFrozen(ours) && Object.isFrozen(ours.scale)).toBe(true);
  });

  it('refuses what is not an account, naming the field', () => {
    expect(caught(() => account({ name: '' }), ParameterError).field).toBe('account.name');
    expect(caught(() => account({ name: 'x'.repeat(201) }), ParameterError).field).toBe('account.name');
    expect(caught(() => account({ name: 'x', scale: { reach: 0 } }), ParameterError).field).toBe('account.scale.reach');
    expect(caught(() => account({ name: 'x', scale: { interest: Number.NaN } }), ParameterError).field).toBe('account.scale.interest');
    expect(caught(() => account({ name: 'x', units: { reach: 'views' } }), ParameterError).field).toBe('account.units.reach');
    expect(caught(() => account({ name: 'x', scale: { reach: 1 }, units: { reach: ' ' } }), ParameterError).field).toBe('account.units.reach');
    expect(caught(() => account({ name: 'x', scale: { views: 1 } } as never), ParameterError).field).toBe('account.scale.views');
    expect(caught(() => account({ name: 'x', parameters: { neglectDecay: -1 } }), ParameterError).field).toContain('neglectDecay');
    caught(() => account(null as never), InputTypeError);
  });

  it('gives its parameters to a run, under those the run changes', () => {
    const ours = account({ name: 'x', parameters: { neglectDecay: 0.003, response: { kind: 'hill', halfSaturation: 0.4, shape: 1.2 } } });
    const run = simulate({ horizon: '1 year', account: ours, parameters: { response: { halfSaturation: 0.6 } as never } });
    expect(run.parameters.neglectDecay).toBe(0.003);
    expect(run.parameters.response).toMatchObject({ halfSaturation: 0.6, shape: 1.2 });
  });

  it('puts reach and interest in its units by its scales, and leaves equity and the rest in model units', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.double({ min: 1e-4, max: 1e3, noNaN: true }), (reachScale, interestScale) => {
        const ours = account({ name: 'x', scale: { reach: reachScale, interest: interestScale } });
        const plain = simulate({ horizon: '2 years', activity: away });
        const scaled = simulate({ horizon: '2 years', activity: away, account: ours });
        for (const i of [0, 100, 400, 700]) {
          expectClose(scaled.reach[i]!, plain.reach[i]! * reachScale);
          expectClose(scaled.interest[i]!, plain.interest[i]! * interestScale);
          expect(scaled.equity[i]).toBe(plain.equity[i]);
          expect(scaled.momentum[i]).toBe(plain.momentum[i]);
        }
        expect(scaled.units.reach).toBe('views a day');
        expect(scaled.units.equity).toBe(MODEL_UNITS.equity);
      }),
      { numRuns: 15, seed: 17 },
    );
  });

  it('says a run without an account is in model units', () => {
    const run = simulate({ horizon: '1 year' });
    expect(run.account).toBeNull();
    expect(run.units).toEqual(MODEL_UNITS);
  });
});

describe('analyses with an account', () => {
  const ours = account({ name: 'ours', scale: { reach: 12, interest: 0.25 } });

  it('absenceCost reports the interest lost in leads: the model-unit figure times the scale, shares unchanged', () => {
    const plain = absenceCost({ activeFor: '18 months', absentFor: '8 months' });
    const scaled = absenceCost({ activeFor: '18 months', absentFor: '8 months', account: ours });
    expect(scaled.fractionLost).toBe(plain.fractionLost);
    expectClose(scaled.summary().interestLost, plain.summary().interestLost * 0.25, 1e-9);
    expect(scaled.summary().interestUnit).toBe('leads');
    expect(plain.summary().interestUnit).toBe('interest (model units)');
  });

  it('whatIf scales differences, bands and totals, and refuses scenarios counted differently', () => {
    const alternatives = { daily: { horizon: '3 years', activity: away.change({ at: '26 months', postsPerDay: 1 }) } };
    const options = { runs: 40, seed: 3, uncertain: { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.003 } } } as const;
    const plain = whatIf({ horizon: '3 years', activity: away }, alternatives, options);
    const scaled = whatIf({ horizon: '3 years', activity: away }, alternatives, { ...options, account: ours });
    const [a, b] = [plain.alternatives[0]!, scaled.alternatives[0]!];
    expectClose(b.totalInterest, a.totalInterest * 0.25, 1e-9);
    expectClose(b.difference.reach[900]!, a.difference.reach[900]! * 12, 1e-9);
    expectClose(b.bands!.interest.quantiles[0]!.values[900]!, a.bands!.interest.quantiles[0]!.values[900]! * 0.25, 1e-9);
    expect(b.difference.equity[900]).toBe(a.difference.equity[900]);
    expect(b.paysOffAfter).toBe(a.paysOffAfter);
    expect(scaled.units.interest).toBe('leads a day');
    const other = account({ name: 'other', scale: { interest: 1 } });
    const error = caught(() => whatIf({ horizon: '3 years', account: ours }, { x: { horizon: '3 years', account: other } }), ParameterError);
    expect(error.field).toBe('alternatives.x.account');
  });

  it('monteCarlo scales bands, finals and paths of reach and interest', () => {
    const options = { runs: 30, seed: 'units', keepPaths: true, uncertain: { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.003 } } } as const;
    const plain = monteCarlo({ ...options, scenario: { horizon: '2 years', activity: away } });
    const scaled = monteCarlo({ ...options, scenario: { horizon: '2 years', activity: away, account: ours } });
    expectClose(scaled.bands.interest!.mean[600]!, plain.bands.interest!.mean[600]! * 0.25);
    expectClose(scaled.bands.reach!.quantiles[4]!.values[600]!, plain.bands.reach!.quantiles[4]!.values[600]! * 12);
    expectClose(scaled.final.reach![7]!, plain.final.reach![7]! * 12);
    expectClose(scaled.paths!.interest![3]![500]!, plain.paths!.interest![3]![500]! * 0.25);
    expect(scaled.bands.equity!.mean[600]).toBe(plain.bands.equity!.mean[600]);
    expect(scaled.summary().atEnd.interest!.unit).toBe('leads a day');
  });

  it('monteCarlo keeps the account parameters under uncertain draws', () => {
    const slow = account({ name: 'slow', parameters: { lag: { kind: 'erlang', mean: 500, stages: 4 } } });
    const uncertain = { neglectDecay: { kind: 'uniform', min: 0.001, max: 0.003 } } as const;
    const viaAccount = monteCarlo({ runs: 8, seed: 1, uncertain, scenario: { horizon: '2 years', account: slow } });
    const viaParameters = monteCarlo({ runs: 8, seed: 1, uncertain, scenario: { horizon: '2 years', parameters: slow.parameters } });
    expect(Array.from(viaAccount.bands.interest!.mean)).toEqual(Array.from(viaParameters.bands.interest!.mean));
  });

  it('costOfDelay counts the interest each delay costs in leads', () => {
    const plain = costOfDelay();
    const scaled = costOfDelay({ account: ours });
    plain.delays.forEach((d, i) => expectClose(scaled.delays[i]!.interestCost, d.interestCost * 0.25, 1e-9));
    expect(scaled.summary().interestUnit).toBe('leads');
  });

  it('monitor reports interest in leads, its warnings unchanged', () => {
    const history = schedule.reference().pause({ from: '18 months', for: '8 months' });
    const plain = monitor(history, { days: 640 });
    const scaled = monitor(history, { days: 640, account: ours });
    expectClose(scaled.interest[600]!, plain.interest[600]! * 0.25);
    expect(scaled.warnings.map((w) => w.message)).toEqual(plain.warnings.map((w) => w.message));
    expect(scaled.units.interest).toBe('leads a day');
    const live = createMonitor({ account: ours });
    expect(live.push({ posts: 1, events: 0 }).interest).toBe(createMonitor().push({ posts: 1, events: 0 }).interest * 0.25);
  });

  it('planning takes the account: its parameters for the leader plan, its units for the break-even and the value split', () => {
    const slow = account({ name: 'slow', parameters: { neglectDecay: 0.004 }, scale: { interest: 0.5 } });
    const withAccount = leaderPlan({ clientTarget: 60, transferRate: 0.3, horizon: '3 years', account: slow });
    const withParameters = leaderPlan({ clientTarget: 60, transferRate: 0.3, horizon: '3 years', parameters: { neglectDecay: 0.004 } });
    expect(withAccount).toEqual(withParameters);
    const split = effortValueSplit({ account: slow });
    const splitPlain = effortValueSplit({ parameters: { neglectDecay: 0.004 } });
    expectClose(split.total, splitPlain.total * 0.5, 1e-9);
    expect(split.now).toBeCloseTo(splitPlain.now!, 12);
    const even = breakEvenHorizon({ account: slow });
    const evenPlain = breakEvenHorizon({ parameters: { neglectDecay: 0.004 } });
    expect(even.months).toBeCloseTo(evenPlain.months!, 9); // a ratio of two interest figures: the same in any unit
    expectClose(even.clientValuePerPost, evenPlain.clientValuePerPost * 0.5, 1e-9);
  });

  it('a scenario file keeps its account', () => {
    const text = saveScenario({ horizon: '2 years', activity: away, account: ours });
    const back = loadScenario(text);
    expect(back.account).toEqual(ours);
    expect(Array.from(simulate(back).interest)).toEqual(Array.from(simulate({ horizon: '2 years', activity: away, account: ours }).interest));
    expect(caught(() => loadScenario(text.replace('"reach": 12', '"reach": -12')), ParameterError).field).toBe('scenario.account.scale.reach');
  });

  it('compare refuses two runs counted differently', () => {
    const a = simulate({ horizon: '1 year', account: ours });
    const b = simulate({ horizon: '1 year' });
    expect(caught(() => compare(a, b), ParameterError).field).toBe('b.account');
    expect(compare(a, simulate({ horizon: '1 year', account: ours })).units.interest).toBe('leads a day');
  });
});

describe('calibrate(…).account', () => {
  it('carries the fitted parameters and scale, in the observed unit, and reproduces the fit in that unit', () => {
    const made = syntheticHistory('account-fit', { scale: 800 });
    const fit = calibrate({ name: 'client A', history: made.history, observed: { series: 'reach', values: made.values, period: '1 week' }, fit: ['neglectDecay'] });
    expect(fit.account.name).toBe('client A');
    expect(fit.account.units.reach).toBe('views');
    expect(fit.account.scale.reach).toBe(fit.scale.value);
    expect(fit.account.parameters).toEqual(fit.parameterInput);
    expect(fit.kept).toEqual([]); // neglectDecay is pinned down by this history, so the account holds the estimate
    const run = simulate({ horizon: 156 * 7, activity: made.history, account: fit.account });
    for (const k of [20, 80, 150]) expectClose(run.total(7 * k, 7 * (k + 1)).reach, fit.fitted[k]!, 1e-6);
  });

  it('names an observed unit it is given, and refuses a bad name before fitting', () => {
    const made = syntheticHistory('account-unit', { series: 'interest' });
    const fit = calibrate({ history: made.history, observed: { series: 'interest', values: made.values, period: '1 week', unit: 'enquiries' }, fit: ['neglectDecay'] });
    expect(fit.account.units).toEqual({ reach: null, interest: 'enquiries' });
    expect(fit.account.name).toBe('fitted account');
    expect(caught(() => calibrate({ name: 7 as never, history: made.history, observed: { series: 'interest', values: made.values, period: '1 week' }, fit: ['neglectDecay'] }), ParameterError).field).toBe('name');
    expect(caught(() => calibrate({ history: made.history, observed: { series: 'interest', values: made.values, period: '1 week', unit: '' }, fit: ['neglectDecay'] }), ParameterError).field).toBe('observed.unit');
  });
});

describe('the account rules inside', () => {
  it('names model units for every series, and an account unit a day for reach and interest only', () => {
    expect(MODEL_UNITS).toEqual({
      equity: 'equity (model units)',
      inflow: 'equity a day (model units)',
      reach: 'reach a day (model units)',
      agenda: 'recent events (model units)',
      momentum: 'share of recent days active',
      interest: 'interest a day (model units)',
    });
    const onlyInterest = account({ name: 'x', scale: { interest: 2 }, units: { interest: ' enquiries ' } });
    expect(unitsOf(onlyInterest)).toEqual({ ...MODEL_UNITS, interest: 'enquiries a day' });
    expect(unitsOf(account({ name: 'x', scale: { reach: 2 } }))).toEqual({ ...MODEL_UNITS, reach: 'views a day' });
    expect(totalUnit('leads a day')).toBe('leads');
    expect(totalUnit('interest a day (model units)')).toBe('interest (model units)');
    expect(totalUnit('a day at the races a day')).toBe('a day at the races');
  });

  it('refuses a blank name or unit, and a unit over 100 characters', () => {
    expect(caught(() => account({ name: '   ' }), ParameterError).field).toBe('account.name');
    expect(account({ name: 'x'.repeat(200) }).name.length).toBe(200);
    expect(caught(() => account({ name: 'x', scale: { reach: 1 }, units: { reach: 'v'.repeat(101) } }), ParameterError).field).toBe('account.units.reach');
    expect(account({ name: 'x', scale: { reach: 1 }, units: { reach: 'v'.repeat(100) } }).units.reach!.length).toBe(100);
    expect(caught(() => account({ name: 'x', scale: { reach: 1 }, units: { reach: 5 as never } }), ParameterError).field).toBe('account.units.reach');
    expect(caught(() => account({ name: 'x', scale: 3 as never }), InputTypeError).field).toBe('account.scale');
    expect(caught(() => account({ name: 'x', units: 3 as never }), InputTypeError).field).toBe('account.units');
    expect(caught(() => account({ name: 'x', units: { views: 'v' } as never }), ParameterError).field).toBe('account.units.views');
    expect(caught(() => account({ name: 'x', parameters: 3 as never }), InputTypeError).field).toBe('account.parameters');
  });

  it('completes a nested spec from the account unless it names a kind of its own; other values replace', () => {
    const base = account({ name: 'x', parameters: { neglectDecay: 0.003, lag: { kind: 'erlang', mean: 300, stages: 3 } } });
    expect(accountParameters(base, { lag: { mean: 500 } as never })).toEqual({ neglectDecay: 0.003, lag: { kind: 'erlang', mean: 500, stages: 3 } });
    expect(accountParameters(base, { lag: { kind: 'geometric', halfLife: 30 } as never }).lag).toEqual({ kind: 'geometric', halfLife: 30 });
    expect(accountParameters(base, { neglectDecay: 0.001 }).neglectDecay).toBe(0.001);
    expect(accountParameters(base, undefined)).toBe(base.parameters);
    expect(accountParameters(null, undefined)).toEqual({});
  });

  it('scales reach and interest arrays by the account, leaving other series, missing scales and factor 1 alone', () => {
    const ours = account({ name: 'x', scale: { interest: 3 } });
    expect(scaleOf(ours, 'interest')).toBe(3);
    expect(scaleOf(ours, 'reach')).toBe(1);
    expect(scaleOf(ours, 'equity')).toBe(1);
    expect(scaleOf(null, 'interest')).toBe(1);
    const reach = Float64Array.from([1, 2]);
    const interest = Float64Array.from([1, 2]);
    applyScale(ours, { reach, interest });
    expect(Array.from(reach)).toEqual([1, 2]);
    expect(Array.from(interest)).toEqual([3, 6]);
    applyScale(ours, { reach });
    const a = Float64Array.from([1, 2]);
    scaleArrays(2, [a, undefined]);
    expect(Array.from(a)).toEqual([2, 4]);
    expect(a.length).toBe(2);
    scaleArrays(1, [a]);
    expect(Array.from(a)).toEqual([2, 4]);
  });

  it('counts two accounts alike only with the same units and scales', () => {
    const a = account({ name: 'a', scale: { interest: 2 } });
    expect(sameAccounting(a, account({ name: 'b', scale: { interest: 2 } }))).toBe(true);
    expect(sameAccounting(a, account({ name: 'a', scale: { interest: 3 } }))).toBe(false);
    expect(sameAccounting(a, account({ name: 'a', scale: { interest: 2 }, units: { interest: 'calls' } }))).toBe(false);
    expect(sameAccounting(null, null)).toBe(true);
    expect(sameAccounting(a, null)).toBe(false);
  });
});
