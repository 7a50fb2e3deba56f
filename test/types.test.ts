/**
 * The public API's types, stated: a change to a signature fails `npm run
 * typecheck` here, so it is a visible decision. (expectTypeOf is checked by the
 * compiler; at run time these tests only run the calls they describe.)
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  absenceCost,
  account,
  calibrate,
  claimMargins,
  compare,
  monteCarlo,
  ParameterError,
  schedule,
  sensitivity,
  simulate,
  sobolIndices,
  toDays,
  whatIf,
  type AbsenceCost,
  type AbsenceCostOptions,
  type Account,
  type CalibrateOptions,
  type CalibrationResult,
  type ClaimMargin,
  type Comparison,
  type Duration,
  type MonteCarloOptions,
  type MonteCarloResult,
  type Schedule,
  type Sensitivity,
  type SensitivityOptions,
  type Simulation,
  type SimulateOptions,
  type SobolResult,
  type WhatIfOptions,
  type WhatIfResult,
} from 'relationship-equity';
import { charts, type VegaLiteSpec } from '../src/charts.js';
import { readHistoryCsv, renderSvg } from '../src/node.js';

describe('public types', () => {
  it('simulate takes SimulateOptions and gives a Simulation of Float64Array series', () => {
    expectTypeOf(simulate).parameters.toEqualTypeOf<[SimulateOptions]>();
    expectTypeOf(simulate).returns.toEqualTypeOf<Simulation>();
    expectTypeOf<Simulation['equity']>().toEqualTypeOf<Float64Array>();
    expectTypeOf<SimulateOptions['horizon']>().toEqualTypeOf<Duration>();
    expectTypeOf<SimulateOptions['activity']>().toEqualTypeOf<Schedule | undefined>();
    expectTypeOf(simulate({ horizon: '1 year' }).at).parameter(0).toEqualTypeOf<Duration>();
  });

  it('durations are numbers of days or strings such as "8 months"', () => {
    expectTypeOf<number>().toMatchTypeOf<Duration>();
    expectTypeOf<'8 months'>().toMatchTypeOf<Duration>();
    expectTypeOf(toDays).returns.toEqualTypeOf<number>();
  });

  it('schedules are built by chaining and stay Schedules', () => {
    expectTypeOf(schedule.weekly(2).withEvents({ every: '1 month' }).pause({ from: '18 months', for: '8 months' })).toEqualTypeOf<Schedule>();
  });

  it('the analyses: absenceCost, compare, whatIf, monteCarlo, calibrate', () => {
    expectTypeOf(absenceCost).parameters.toEqualTypeOf<[AbsenceCostOptions]>();
    expectTypeOf(absenceCost).returns.toEqualTypeOf<AbsenceCost>();
    expectTypeOf<AbsenceCost['fractionLost']>().toEqualTypeOf<number>();
    expectTypeOf(compare).returns.toEqualTypeOf<Comparison>();
    expectTypeOf(whatIf).parameters.toEqualTypeOf<[SimulateOptions, Readonly<Record<string, SimulateOptions>>, (WhatIfOptions | undefined)?]>();
    expectTypeOf(whatIf).returns.toEqualTypeOf<WhatIfResult>();
    expectTypeOf(monteCarlo).parameters.toEqualTypeOf<[MonteCarloOptions]>();
    expectTypeOf(monteCarlo).returns.toEqualTypeOf<MonteCarloResult>();
    expectTypeOf(calibrate).parameters.toEqualTypeOf<[CalibrateOptions]>();
    expectTypeOf(calibrate).returns.toEqualTypeOf<CalibrationResult>();
    expectTypeOf<CalibrationResult['account']>().toEqualTypeOf<Account>();
    expectTypeOf(account).returns.toEqualTypeOf<Account>();
  });

  it('sensitivity: the question by name or as a function of a run; results with a summary', () => {
    expectTypeOf<SensitivityOptions['question']>().toEqualTypeOf<'equityLost' | 'interestGapPeakMonth' | 'monthsToRegain' | 'totalInterest' | 'breakEvenMonths' | ((run: Simulation) => number)>();
    expectTypeOf(sensitivity).returns.toMatchTypeOf<Sensitivity>();
    expectTypeOf(sobolIndices<'a' | 'b'>).parameter(0).toEqualTypeOf<(inputs: Record<'a' | 'b', number>) => number | Readonly<Record<string, number>>>();
    expectTypeOf(sobolIndices).returns.toEqualTypeOf<SobolResult>();
    expectTypeOf(claimMargins).returns.toMatchTypeOf<ClaimMargin[]>();
  });

  it('charts give plain Vega-Lite specs; renderSvg a promise of a string; readHistoryCsv a History', () => {
    expectTypeOf(charts.absence).returns.toEqualTypeOf<VegaLiteSpec>();
    expectTypeOf(charts.tornado).returns.toEqualTypeOf<VegaLiteSpec>();
    expectTypeOf(renderSvg).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(readHistoryCsv).parameter(0).toEqualTypeOf<string>();
  });

  it('errors name their field', () => {
    expectTypeOf<ParameterError['field']>().toEqualTypeOf<string>();
    expectTypeOf<ParameterError>().toMatchTypeOf<Error>();
  });
});
