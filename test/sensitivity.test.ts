import { describe, expect, it } from 'vitest';
import {
  absenceCost,
  breakEvenHorizon,
  DurationError,
  InputTypeError,
  PARAMETER_RANGES,
  ParameterError,
  QUESTIONS,
  resolveParameters,
  schedule,
  sensitivity,
  simulate,
} from 'relationship-equity';
import { caught } from './helpers.js';

describe('PARAMETER_RANGES', () => {
  const defaults = resolveParameters() as unknown as Record<string, unknown>;
  const valueOf = (path: string): number => {
    const [head, field] = path.split('.');
    return (field === undefined ? defaults[head!] : (defaults[head!] as Record<string, unknown>)[field]) as number;
  };

  it('holds every default inside its range, a range the model accepts at both ends, and a reason', () => {
    for (const [name, { range, reason }] of Object.entries(PARAMETER_RANGES)) {
      expect(range[0], name).toBeLessThan(valueOf(name));
      expect(range[1], name).toBeGreaterThan(valueOf(name));
      for (const end of range) {
        const [head, field] = name.split('.');
        const input = field === undefined ? { [head!]: end } : { [head!]: { ...(defaults[head!] as object), maxLag: undefined, [field]: end } };
        expect(() => resolveParameters(JSON.parse(JSON.stringify(input))), `${name} = ${end}`).not.toThrow();
      }
      expect(reason.length, name).toBeGreaterThan(40);
    }
  });

  it('covers every numeric parameter but the scale of interest and the whole-number stages', () => {
    const numeric = Object.entries(defaults).flatMap(([key, value]) =>
      typeof value === 'number' ? [key] : Object.entries(value as object).filter(([, v]) => typeof v === 'number').map(([field]) => `${key}.${field}`),
    );
    expect(Object.keys(PARAMETER_RANGES).sort()).toEqual(numeric.filter((n) => n !== 'interestPerReach' && n !== 'lag.stages').sort());
    expect(Object.isFrozen(PARAMETER_RANGES.neglectDecay)).toBe(true);
  });
});

describe('sensitivity', () => {
  const swung = sensitivity({ question: 'equityLost', method: 'swings' });

  it('answers the share lost by the seed’s absence, as absenceCost does, at the base and at each end of a swing', () => {
    expect(swung.baseAnswer).toBeCloseTo(absenceCost({ activeFor: '18 months', absentFor: '8 months' }).fractionLost, 10);
    const neglect = swung.swings!.swings.find((s) => s.input === 'neglectDecay')!;
    const high = absenceCost({ activeFor: '18 months', absentFor: '8 months', parameters: { neglectDecay: neglect.high } });
    expect(neglect.atHigh).toBeCloseTo(high.fractionLost, 10);
    expect(swung.ranking[0]!.parameter).toBe('neglectDecay');
    expect(swung.evaluations).toBe(2 * Object.keys(PARAMETER_RANGES).length + 2);
  });

  it('finds that the share lost while silent depends on the decays alone (no posting, no response curve): their Sobol indices carry all the variance', () => {
    const s = sensitivity({ question: 'equityLost', seed: 'decays', samples: 128, parameters: ['neglectDecay', 'activeDecay', 'response.shape', 'eventWeight'] });
    const { indices } = s.sobol!;
    expect(indices['response.shape']!.total).toBeLessThan(1e-4);
    expect(indices.eventWeight!.total).toBeLessThan(1e-4);
    expect(indices.neglectDecay!.first + indices.activeDecay!.first).toBeGreaterThan(0.9);
    expect(s.ranking.map((r) => r.parameter).slice(0, 2)).toEqual(['neglectDecay', 'activeDecay']);
    expect(s.evaluations).toBe(128 * 6 + 1);
    expect(sensitivity({ question: 'equityLost', seed: 'decays', samples: 128, parameters: ['neglectDecay', 'activeDecay', 'response.shape', 'eventWeight'] }).sobol).toEqual(s.sobol);
  });

  it('reads the interest gap’s peak month, the break-even and total interest as the library’s own answers do', () => {
    const parameters = ['lag.mean', 'neglectDecay'];
    const peak = sensitivity({ question: 'interestGapPeakMonth', method: 'swings', parameters });
    expect(peak.baseAnswer).toBeCloseTo(absenceCost({ activeFor: '18 months', absentFor: '8 months' }).interestGapPeak.monthsAfterAbsenceBegan, 10);
    expect(peak.ranking[0]!.parameter).toBe('lag.mean');
    const lagLong = peak.swings!.swings.find((s) => s.input === 'lag.mean')!;
    expect(lagLong.atHigh).toBeGreaterThan(lagLong.atLow);
    expect(sensitivity({ question: 'breakEvenMonths', method: 'swings', parameters }).baseAnswer).toBeCloseTo(breakEvenHorizon().months!, 10);
    const total = sensitivity({ question: 'totalInterest', method: 'swings', parameters, base: { interestPerReach: 2 }, plan: { horizon: '3 years' } });
    expect(total.baseAnswer).toBeCloseTo(2 * simulate({ horizon: '3 years' }).total(0, '3 years').interest, 6);
  });

  it('finds equity back later the harder neglect bites, and takes any number read from a run', () => {
    const regain = sensitivity({ question: 'monthsToRegain', method: 'swings', parameters: ['neglectDecay'] });
    const s = regain.swings!.swings[0]!;
    expect(s.atHigh).toBeGreaterThan(regain.baseAnswer);
    expect(regain.baseAnswer).toBeGreaterThan(s.atLow);
    const custom = sensitivity({ question: (run) => run.at('2 years').reach, method: 'swings', parameters: ['response.halfSaturation'], plan: { activity: schedule.weekly(3) } });
    expect(custom.question).toBe('custom');
    expect(custom.baseAnswer).toBeCloseTo(simulate({ horizon: '5 years', activity: schedule.weekly(3) }).at('2 years').reach, 10);
    // a curve that saturates later earns less from the same three posts a week.
    expect(custom.swings!.swings[0]!.atHigh).toBeLessThan(custom.swings!.swings[0]!.atLow);
  });

  it('screens by Morris with the same ranking at the top, and prints its ranking', () => {
    const m = sensitivity({ question: 'equityLost', method: 'morris', seed: 3, samples: 10 });
    expect(m.ranking[0]!.parameter).toBe('neglectDecay');
    expect(m.evaluations).toBe(10 * (Object.keys(PARAMETER_RANGES).length + 1) + 1);
    expect(m.summary().ranking[0]!.parameter).toBe('neglectDecay');
    expect(Object.keys(QUESTIONS)).toContain(m.question);
  });

  it("varies the base's own parameters: a logistic response's lambda, and only the default ranges the base has", () => {
    const base = { response: { kind: 'logistic', lambda: 2 } } as const;
    const own = sensitivity({ question: 'totalInterest', method: 'swings', base, parameters: { 'response.lambda': [1, 3] }, plan: { horizon: '2 years' } });
    expect(own.swings!.swings[0]!.atHigh).toBeGreaterThan(own.swings!.swings[0]!.atLow);
    const defaults = sensitivity({ question: 'equityLost', method: 'swings', base });
    expect(Object.keys(defaults.ranges)).not.toContain('response.halfSaturation');
    expect(Object.keys(defaults.ranges)).toContain('neglectDecay');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', base, parameters: ['response.shape'] }), ParameterError).field).toBe('parameters[0]');
  });

  it('refuses unknown questions, parameters and methods, a missing seed, and a point without an answer', () => {
    expect(caught(() => sensitivity({ question: 'cost' as never, method: 'swings' }), ParameterError).field).toBe('question');
    expect(caught(() => sensitivity({ question: () => NaN, method: 'swings', parameters: ['neglectDecay'] }), ParameterError).field).toBe('question');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: ['neglect'] }), ParameterError).field).toBe('parameters[0]');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: { 'lag.width': [1, 2] } }), ParameterError).field).toBe('parameters.lag.width');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'tornado' as never }), ParameterError).field).toBe('method');
    expect(caught(() => sensitivity({ question: 'equityLost' }), InputTypeError).field).toBe('seed');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', samples: 10 }), ParameterError).field).toBe('samples');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: { neglectDecay: [-1, 1] } }), ParameterError).field).toBe('parameters.neglectDecay');
    expect(caught(() => sensitivity({ question: 'monthsToRegain', method: 'swings', parameters: ['neglectDecay'], absence: { followFor: '1 month' } }), ParameterError).field).toBe('parameters');
  });
});

describe('sensitivity, its questions and options', () => {
  it('describes each question in a sentence', () => {
    for (const [name, sentence] of Object.entries(QUESTIONS)) expect(sentence.length, name).toBeGreaterThan(30);
  });

  it('asks about the absence it is given, and reads months to regain as the first day equity is back', () => {
    const absence = { activeFor: '12 months', absentFor: '6 months' } as const;
    const lost = sensitivity({ question: 'equityLost', method: 'swings', parameters: ['neglectDecay'], absence });
    expect(lost.baseAnswer).toBeCloseTo(absenceCost(absence).fractionLost, 10);
    const regain = sensitivity({ question: 'monthsToRegain', method: 'swings', parameters: ['neglectDecay'], absence: { ...absence, followFor: '4 years' } });
    const [activeFor, end] = [365.25, 365.25 * 1.5];
    const run = simulate({ horizon: end + 4 * 365.25, activity: schedule.reference().pause({ from: activeFor, for: end - activeFor }) });
    const before = run.at(activeFor).equity;
    const back = Array.from(run.days).findIndex((d, i) => d > end && run.equity[i]! >= before);
    expect(regain.baseAnswer).toBeCloseTo((run.days[back]! - end) / (365.25 / 12), 10);
  });

  it('reads the break-even with the base parameters', () => {
    const base = { lag: { kind: 'erlang', mean: 200, stages: 4 } } as const;
    expect(sensitivity({ question: 'breakEvenMonths', method: 'swings', parameters: ['activeDecay'], base }).baseAnswer).toBeCloseTo(breakEvenHorizon({ parameters: base }).months!, 10);
  });

  it('passes samples and bootstrap on, and uses 20 Morris trajectories by default', () => {
    const noBands = sensitivity({ question: 'equityLost', seed: 1, samples: 8, bootstrap: 0, parameters: ['neglectDecay'] });
    expect(noBands.sobol!.indices.neglectDecay!.firstInterval).toBeNull();
    expect(noBands.evaluations).toBe(8 * 3 + 1);
    expect(sensitivity({ question: 'equityLost', method: 'morris', seed: 1, parameters: ['neglectDecay', 'activeDecay'] }).evaluations).toBe(20 * 3 + 1);
  });

  it('prints its ranking: the question, the method, the top five and how many more', async () => {
    const { inspect } = await import('node:util');
    const all = inspect(sensitivity({ question: 'equityLost', method: 'swings' }));
    expect(all).toMatch(/^Sensitivity of equityLost \(swings, 32 runs\): 0\.29\d+ at the base parameters/);
    expect(all).toContain('  neglectDecay ');
    expect(all).toContain(`  … ${Object.keys(PARAMETER_RANGES).length - 5} more`);
    const two = inspect(sensitivity({ question: 'equityLost', method: 'swings', parameters: ['neglectDecay', 'activeDecay'] }));
    expect(two).not.toContain('more');
    expect(two.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(2);
  });

  it('names every bad option by its field', () => {
    expect(caught(() => sensitivity(5 as never), InputTypeError).field).toBe('options');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', tornado: true } as never), ParameterError).field).toBe('options.tornado');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: [] }), ParameterError).field).toBe('parameters');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: [42 as never] }), ParameterError).field).toBe('parameters[0]');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', parameters: 'neglectDecay' as never }), InputTypeError).field).toBe('parameters');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', absence: 3 as never }), InputTypeError).field).toBe('absence');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', absence: { for: 1 } as never }), ParameterError).field).toBe('absence.for');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', absence: { activeFor: -1 } }), DurationError).field).toBe('absence.activeFor');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', absence: { absentFor: 0 } }), ParameterError).field).toBe('absence.absentFor');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', plan: { steps: 1 } as never }), ParameterError).field).toBe('plan.steps');
    expect(caught(() => sensitivity({ question: 'totalInterest', method: 'swings', plan: { horizon: 0 } }), ParameterError).field).toBe('plan.horizon');
    expect(caught(() => sensitivity({ question: 'totalInterest', method: 'swings', plan: { activity: {} as never } }), ParameterError).field).toBe('plan.activity');
    expect(caught(() => sensitivity({ question: 'equityLost', method: 'swings', base: 7 as never }), InputTypeError).field).toBe('base');
  });
});
