import { describe, expect, it } from 'vitest';
import { ParameterError, calibrateFromClaims, checkClaims, resolveParameters } from 'relationship-equity';
import { caught } from './helpers.js';

describe('calibrateFromClaims', () => {
  const seed = calibrateFromClaims([
    { kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.3 },
    { kind: 'effect-delay', from: '12 months', to: '24 months' },
    { kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 4 },
  ]);

  it('derives parameters from the seed’s own claims that meet the whole claims table', () => {
    const failing = checkClaims({ parameters: seed.parameters }).filter((row) => !row.holds).map((row) => row.id);
    expect(failing).toEqual([]);
  });

  it('meets each belief it was given', () => {
    const [loss, delay, ratio] = seed.fits;
    expect(loss!.achieved).toBeCloseTo(0.3, 6);
    expect(delay!.achieved).toBeCloseTo(18, 1); // the interest gap peaks mid-window
    expect(ratio!.achieved).toBeCloseTo(4, 6);
    expect(resolveParameters(seed.parameters).neglectDecay).toBe(loss!.value);
  });

  it('a larger believed loss gives faster neglect decay', () => {
    const small = calibrateFromClaims([{ kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.2 }]);
    const large = calibrateFromClaims([{ kind: 'absence-loss', activeFor: '18 months', absentFor: '8 months', lost: 0.4 }]);
    expect(large.fits[0]!.value).toBeGreaterThan(small.fits[0]!.value);
  });

  it('two frequency ratios set both the half-saturation and the shape', () => {
    const two = calibrateFromClaims([
      { kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 4 },
      { kind: 'frequency-ratio', higher: 14, lower: 7, ratio: 1.2 },
    ]);
    expect(two.fits.map((f) => f.achieved)).toEqual([expect.closeTo(4, 6), expect.closeTo(1.2, 6)]);
  });

  it.each([
    [[], 'beliefs'],
    [[{ kind: 'vibes' }], 'beliefs[0].kind'],
    [[{ kind: 'absence-loss', activeFor: '1 year', absentFor: '1 month', lost: 1.2 }], 'beliefs[0].lost'],
    [[{ kind: 'effect-delay', from: '2 years', to: '1 year' }], 'beliefs[0].to'],
    [[{ kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 40 }], 'beliefs.ratio'],
    [[{ kind: 'absence-loss', activeFor: '1 year', absentFor: '1 month', lost: 0.1 }, { kind: 'absence-loss', activeFor: '1 year', absentFor: '2 months', lost: 0.2 }], 'beliefs'],
  ])('rejects %j naming %s', (beliefs, field) => {
    expect(caught(() => calibrateFromClaims(beliefs as never), ParameterError).field).toBe(field);
  });
});
