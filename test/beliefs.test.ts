import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError, absenceCost, calibrateFromClaims, checkClaims, resolveParameters, respond } from 'relationship-equity';
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

  it('reports each fit against its belief: the parameter set, its value, the target and what the model achieves', () => {
    const [loss, delay, ratio] = seed.fits;
    const p = resolveParameters(seed.parameters);
    expect(loss).toMatchObject({ parameter: 'neglectDecay', value: p.neglectDecay, target: 0.3 });
    expect(loss!.achieved).toBe(absenceCost({ activeFor: '18 months', absentFor: '8 months', parameters: seed.parameters, followFor: 1 }).fractionLost);
    expect(delay).toMatchObject({ parameter: 'lag.mean', value: (p.lag as { mean: number }).mean, target: 18 });
    expect(ratio).toMatchObject({ parameter: 'response.halfSaturation', value: (p.response as { halfSaturation: number }).halfSaturation, target: 4 });
    expect(ratio!.achieved).toBe(respond(7 / 7, p.response) / respond(1.5 / 7, p.response));
    expect(p.lag.kind).toBe('erlang');
  });

  it('keeps the base parameters it is not asked to change', () => {
    const fit = calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 3 }], { activeDecay: 0.001, response: { kind: 'hill', halfSaturation: 1, shape: 2 } });
    const p = resolveParameters(fit.parameters);
    expect(p.activeDecay).toBe(0.001);
    expect((p.response as { shape: number }).shape).toBe(2);
    expect(fit.fits[0]!.achieved).toBeCloseTo(3, 6);
  });

  it('a smaller share of the gap showing at the return asks for a lag of more stages', () => {
    const stages = (atReturn: number): number =>
      (resolveParameters(calibrateFromClaims([{ kind: 'effect-delay', from: '12 months', to: '24 months', atReturn }]).parameters).lag as { stages: number }).stages;
    const loose = stages(0.6);
    const tight = stages(0.1);
    expect(tight).toBeGreaterThan(loose);
  });

  it.each([
    ['beliefs not an array', () => calibrateFromClaims('all' as never), ParameterError, 'beliefs'],
    ['a belief not an object', () => calibrateFromClaims([3 as never]), InputTypeError, 'beliefs[0]'],
    ['an unknown key', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 1, absentFor: 1, lost: 0.3, when: 1 } as never]), ParameterError, 'beliefs[0].when'],
    ['activeFor unreadable', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 'ages', absentFor: 1, lost: 0.3 }]), DurationError, 'beliefs[0].activeFor'],
    ['absentFor unreadable', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 1, absentFor: 'ages', lost: 0.3 }]), DurationError, 'beliefs[0].absentFor'],
    ['lost not a number', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 1, absentFor: 1, lost: NaN }]), ParameterError, 'beliefs[0].lost'],
    ['lost of 0', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 1, absentFor: 1, lost: 0 }]), ParameterError, 'beliefs[0].lost'],
    ['lost of 1', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: 1, absentFor: 1, lost: 1 }]), ParameterError, 'beliefs[0].lost'],
    ['a loss the model cannot reach', () => calibrateFromClaims([{ kind: 'absence-loss', activeFor: '1 year', absentFor: '1 week', lost: 0.5 }]), ParameterError, 'beliefs.lost'],
    ['from unreadable', () => calibrateFromClaims([{ kind: 'effect-delay', from: 'soon', to: '2 years' }]), DurationError, 'beliefs[0].from'],
    ['to unreadable', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: 'later' }]), DurationError, 'beliefs[0].to'],
    ['to equal to from', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: '12 months' }]), ParameterError, 'beliefs[0].to'],
    ['atReturn of 0', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: '2 years', atReturn: 0 }]), ParameterError, 'beliefs[0].atReturn'],
    ['atReturn of 1', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: '2 years', atReturn: 1 }]), ParameterError, 'beliefs[0].atReturn'],
    ['atReturn not a number', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: '2 years', atReturn: 'small' as never }]), InputTypeError, 'beliefs[0].atReturn'],
    ['two delay beliefs', () => calibrateFromClaims([{ kind: 'effect-delay', from: '1 year', to: '2 years' }, { kind: 'effect-delay', from: '1 year', to: '3 years' }]), ParameterError, 'beliefs'],
    ['lower of 0', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: 0, ratio: 2 }]), ParameterError, 'beliefs[0].higher'],
    ['higher equal to lower', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 3, lower: 3, ratio: 2 }]), ParameterError, 'beliefs[0].higher'],
    ['higher not a number', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: NaN, lower: 3, ratio: 2 }]), ParameterError, 'beliefs[0].higher'],
    ['lower not a number', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: NaN, ratio: 2 }]), ParameterError, 'beliefs[0].lower'],
    ['a ratio of 1', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: 3, ratio: 1 }]), ParameterError, 'beliefs[0].ratio'],
    ['three ratio beliefs', () => calibrateFromClaims([1, 2, 3].map((k) => ({ kind: 'frequency-ratio' as const, higher: 7 * k, lower: k, ratio: 2 }))), ParameterError, 'beliefs'],
    ['a ratio without a Hill response', () => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: 3, ratio: 2 }], { response: { kind: 'linear' } }), ParameterError, 'base.response.kind'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says what the model can reach', () => {
    expect(() => calibrateFromClaims([{ kind: 'frequency-ratio', higher: 7, lower: 1.5, ratio: 40 }])).toThrow(
      /^`beliefs.ratio` must be reachable by the model: between \S+ and \S+ for this pair of rates, got 40$/,
    );
    expect(() => calibrateFromClaims([{ kind: 'effect-delay', from: '2 years', to: '1 year' }])).toThrow('`beliefs[0].to` must be later than from (730.5 days), got "1 year"');
    expect(() => calibrateFromClaims([{ kind: 'vibes' } as never])).toThrow("`beliefs[0].kind` must be 'absence-loss', 'effect-delay' or 'frequency-ratio', got \"vibes\"");
  });
});
