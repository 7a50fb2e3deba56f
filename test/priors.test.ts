/** Priors: wide defaults that follow the bounds, checked priors, and beliefs turned into priors. */
import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, calibrateFromClaims, priorsFromBeliefs, DEFAULT_PRIOR_SPREAD } from 'relationship-equity';
import { defaultPrior, resolvePriors } from '../src/fit/priors.js';
import { caught } from './helpers.js';

describe('priors', () => {
  it('defaults: uniform between finite bounds, lognormal around a positive value, a wide normal otherwise', () => {
    expect(defaultPrior([0, 1], 0.3)).toEqual({ kind: 'uniform', min: 0, max: 1 });
    expect(defaultPrior([0, Infinity], 0.002)).toEqual({ kind: 'lognormal', mu: Math.log(0.002), sigma: DEFAULT_PRIOR_SPREAD });
    expect(defaultPrior([5, Infinity], 8)).toEqual({ kind: 'normal', mean: 8, sd: 80, min: 5 });
    // a start at the bound 0 has no lognormal around it: a wide normal from 0
    expect(defaultPrior([0, Infinity], 0)).toEqual({ kind: 'normal', mean: 0, sd: 0.01, min: 0 });
  });

  it('takes a prior per fitted parameter, the rest by default, and refuses what cannot be a prior', () => {
    const names = ['neglectDecay', 'momentumFloor'];
    const bounds: [number, number][] = [[0, Infinity], [0, 1]];
    const priors = resolvePriors({ neglectDecay: { kind: 'normal', mean: 0.002, sd: 0.001, min: 0 } }, names, bounds, [0.0015, 0.5]);
    expect(priors[0]).toMatchObject({ kind: 'normal', mean: 0.002 });
    expect(priors[1]).toEqual({ kind: 'uniform', min: 0, max: 1 });
    expect(caught(() => resolvePriors({ activeDecay: { kind: 'uniform', min: 0, max: 1 } }, names, bounds, [0.0015, 0.5]), ParameterError).field).toBe('priors.activeDecay');
    expect(caught(() => resolvePriors({ neglectDecay: { kind: 'choice', values: [1, 2] } }, names, bounds, [0.0015, 0.5]), ParameterError).field).toBe('priors.neglectDecay');
    expect(caught(() => resolvePriors({ momentumFloor: { kind: 'uniform', min: 2, max: 3 } }, names, bounds, [0.0015, 0.5]), ParameterError).message).toBe(
      '`priors.momentumFloor` must be a distribution that allows the starting value 0.5 (its density there is 0), got {"kind":"uniform","min":2,"max":3}',
    );
    expect(caught(() => resolvePriors({ neglectDecay: { kind: 'choice', values: [1, 2] } }, names, bounds, [0.0015, 0.5]), ParameterError).message).toMatch(/a distribution with a density \(not a choice\)/);
    expect(caught(() => resolvePriors('wide', names, bounds, [0.0015, 0.5]), InputTypeError).field).toBe('priors');
    expect(caught(() => resolvePriors({ neglectDecay: { kind: 'lognormal', mu: 0, sigma: -1 } }, names, bounds, [0.0015, 0.5]), ParameterError).field).toMatch(/^priors\.neglectDecay/);
  });

  it('turns beliefs into lognormal priors centred on what they imply', () => {
    const beliefs = calibrateFromClaims([{ kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.3 }]);
    const priors = priorsFromBeliefs(beliefs, { spread: 0.4 });
    expect(Object.keys(priors)).toEqual(['neglectDecay']);
    expect(priors.neglectDecay).toEqual({ kind: 'lognormal', mu: Math.log(beliefs.fits[0]!.value), sigma: 0.4 });
    expect(priorsFromBeliefs(beliefs).neglectDecay).toMatchObject({ sigma: 0.5 });
    expect(caught(() => priorsFromBeliefs(beliefs, { spread: 0 }), ParameterError).field).toBe('options.spread');
    expect(caught(() => priorsFromBeliefs(beliefs, { wide: true } as never), ParameterError).field).toBe('options.wide');
    expect(caught(() => priorsFromBeliefs(beliefs, { spread: 'wide' } as never), InputTypeError).field).toBe('options.spread');
    expect(caught(() => priorsFromBeliefs(beliefs, 3 as never), InputTypeError).field).toBe('options');
    expect(caught(() => priorsFromBeliefs(7 as never), InputTypeError).field).toBe('calibration');
    const zero = { ...beliefs, fits: [{ ...beliefs.fits[0]!, value: 0 }] };
    expect(caught(() => priorsFromBeliefs(zero), ParameterError).message).toBe('`calibration.fits[0].value` must be a value > 0, got 0');
    expect(caught(() => priorsFromBeliefs({ ...beliefs, fits: [{ ...beliefs.fits[0]!, value: 'x' as never }] }), InputTypeError).field).toBe('calibration.fits[0].value');
  });
});
