import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, DurationError, InputTypeError, ParameterError, resolveParameters, type ParameterInput } from 'relationship-equity';
import { caught } from './helpers.js';
import { parameterValue, resolveChanged, withParameter } from '../src/model/parameters.js';

describe('DEFAULT_PARAMETERS', () => {
  it('pins the calibrated defaults', () => {
    expect(DEFAULT_PARAMETERS).toEqual({
      response: { kind: 'hill', halfSaturation: 0.6, shape: 1.6 },
      eventWeight: 2,
      earlyBonus: 1,
      earlyBonusTime: 365,
      momentumMemory: 60,
      momentumFloor: 0.5,
      activeDecay: 0.0005,
      neglectDecay: 0.0015,
      neglectGrace: 30,
      neglectRamp: 60,
      agendaMemory: 60,
      agendaWeight: 0.2,
      invitationThreshold: 1,
      lag: { kind: 'erlang', mean: 365.25, stages: 4, maxLag: null, normalize: false },
      interestPerReach: 1,
    });
  });

  it('is frozen, nested specs too', () => {
    expect(Object.isFrozen(DEFAULT_PARAMETERS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PARAMETERS.response)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PARAMETERS.lag)).toBe(true);
  });
});

describe('resolveParameters', () => {
  it('returns the defaults for nothing', () => {
    expect(resolveParameters()).toEqual(DEFAULT_PARAMETERS);
    expect(resolveParameters({})).toEqual(DEFAULT_PARAMETERS);
  });

  it('merges a partial over the defaults and reads durations', () => {
    const p = resolveParameters({ earlyBonus: 2, neglectGrace: '6 weeks', lag: { kind: 'erlang', mean: '18 months', stages: 2 } });
    expect(p.earlyBonus).toBe(2);
    expect(p.neglectGrace).toBe(42);
    expect(p.lag).toEqual({ kind: 'erlang', mean: 547.875, stages: 2, maxLag: null, normalize: false });
    expect(p.activeDecay).toBe(DEFAULT_PARAMETERS.activeDecay);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('keeps a zero instead of replacing it with the default', () => {
    expect(resolveParameters({ earlyBonus: 0, neglectDecay: 0, neglectGrace: 0 })).toMatchObject({
      earlyBonus: 0,
      neglectDecay: 0,
      neglectGrace: 0,
    });
  });

  it('does not mutate its input', () => {
    const input = { earlyBonus: 3 };
    resolveParameters(input);
    expect(input).toEqual({ earlyBonus: 3 });
  });

  it.each([
    [{ activeDecay: -1 }, 'parameters.activeDecay'],
    [{ activeDecay: NaN }, 'parameters.activeDecay'],
    [{ neglectDecay: Infinity }, 'parameters.neglectDecay'],
    [{ momentumFloor: 1.5 }, 'parameters.momentumFloor'],
    [{ earlyBonusTime: 0 }, 'parameters.earlyBonusTime'],
    [{ response: { kind: 'hill', halfSaturation: 0, shape: 1 } }, 'parameters.response.halfSaturation'],
    [{ response: { kind: 'cubic' } }, 'parameters.response.kind'],
    [{ lag: { kind: 'erlang', mean: 365, stages: 2.5 } }, 'parameters.lag.stages'],
    [{ lag: { kind: 'erlang', mean: 0, stages: 2 } }, 'parameters.lag.mean'],
    [{ lag: { kind: 'weibull' } }, 'parameters.lag.kind'],
    [{ decay: 0.1 }, 'parameters.decay'],
    [{ eventWeight: -1 }, 'parameters.eventWeight'],
    [{ earlyBonus: -1 }, 'parameters.earlyBonus'],
    [{ momentumMemory: 0 }, 'parameters.momentumMemory'],
    [{ neglectGrace: -1 }, 'parameters.neglectGrace'],
    [{ neglectRamp: 0 }, 'parameters.neglectRamp'],
    [{ agendaMemory: '0 days' }, 'parameters.agendaMemory'],
    [{ agendaWeight: -0.5 }, 'parameters.agendaWeight'],
    [{ invitationThreshold: -1 }, 'parameters.invitationThreshold'],
    [{ interestPerReach: -2 }, 'parameters.interestPerReach'],
    [{ response: { kind: 'hill-robyn', alpha: 1, gamma: 0.5 } }, 'parameters.response.range'],
  ])('rejects %j naming %s', (input, field) => {
    const error = caught(() => resolveParameters(input as never), ParameterError);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`\`${field}\``);
  });

  it('rejects an unknown unit in a duration parameter', () => {
    expect(caught(() => resolveParameters({ neglectGrace: '3 parsecs' }), DurationError).field).toBe(
      'parameters.neglectGrace',
    );
  });

  it('rejects a wrong type with an InputTypeError', () => {
    expect(caught(() => resolveParameters({ activeDecay: '0.1' as never }), InputTypeError).field).toBe(
      'parameters.activeDecay',
    );
    caught(() => resolveParameters(null as never), InputTypeError);
  });
});

describe('setting drawn parameters (the Monte Carlo\'s per-run parameters)', () => {
  const input = { neglectDecay: 0.002, lag: { kind: 'erlang' as const, mean: '1 year', stages: 3 } };
  const resolved = resolveParameters(input);

  it('withParameter sets a top-level field, or a field of a spec without its empty fields, leaving the rest', () => {
    expect(withParameter(input, resolved, 'activeDecay', 0.001)).toEqual({ ...input, activeDecay: 0.001 });
    const nested = withParameter(input, resolved, 'lag.mean', 200) as unknown as { lag: Record<string, unknown> };
    expect(nested.lag).toEqual({ kind: 'erlang', mean: 200, stages: 3, normalize: false });
    expect('maxLag' in nested.lag).toBe(false); // null in the resolved spec: left out, so it validates again
    expect(input.lag.mean).toBe('1 year'); // the input is not changed
  });

  it('resolveChanged equals resolving the input with the draws set, checking only what changed', () => {
    for (const [names, values] of [
      [['neglectDecay'], [0.004]],
      [['lag.mean', 'lag.stages'], [90, 2]],
      [['earlyBonus', 'response.halfSaturation'], [2, 0.3]],
    ] as [string[], number[]][]) {
      const expected = resolveParameters(names.reduce<ParameterInput>((partial, name, i) => withParameter(partial, resolved, name, values[i]!), input as ParameterInput));
      const changed = resolveChanged(resolved, input as never, names, values);
      expect(changed).toEqual(expected);
      expect(Object.isFrozen(changed)).toBe(true);
    }
    expect(resolved.neglectDecay).toBe(0.002); // the resolved parameters are not changed
    expect(caught(() => resolveChanged(resolved, input as never, ['lag.mean'], [-5]), ParameterError).field).toBe('parameters.lag.mean');
    expect(caught(() => resolveChanged(resolved, input as never, ['activeDecay'], [-5]), ParameterError).field).toBe('parameters.activeDecay');
  });
});

describe('parameterValue', () => {
  const p = resolveParameters({ lag: { kind: 'erlang', mean: 300, stages: 3 } });
  it('reads a numeric parameter by its dotted name, and nothing else', () => {
    expect(parameterValue(p, 'neglectDecay')).toBe(p.neglectDecay);
    expect(parameterValue(p, 'lag.mean')).toBe(300);
    expect(parameterValue(p, 'response.halfSaturation')).toBe(0.6);
    for (const name of ['lag.kind', 'lag', 'response', 'lag.mean.days', 'nope', 'nope.mean', 'lag.nope', '']) {
      expect(parameterValue(p, name), name).toBeUndefined();
    }
  });
});
