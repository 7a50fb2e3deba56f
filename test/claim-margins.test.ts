import { describe, expect, it } from 'vitest';
import { claimMargins, InputTypeError, marginLine, measureClaim, ParameterError } from 'relationship-equity';
import { caught } from './helpers.js';

describe('claimMargins', () => {
  const [c6] = claimMargins({ claims: ['C6'], parameters: ['response.shape', 'eventWeight'] });

  it('finds where a claim breaks: it holds just short of the reported move and fails at it', () => {
    const shape = c6!.margins.find((m) => m.parameter === 'response.shape')!;
    const at = shape.up.breaksAt!;
    expect(at).toBeGreaterThan(0.01);
    expect(at).toBeLessThan(0.05);
    expect(measureClaim('C6', { parameters: { response: { kind: 'hill', halfSaturation: 0.6, shape: 1.6 * (1 + at) } } }).holds).toBe(false);
    expect(measureClaim('C6', { parameters: { response: { kind: 'hill', halfSaturation: 0.6, shape: 1.6 * (1 + at - 0.001) } } }).holds).toBe(true);
    expect(shape.value).toBe(1.6);
  });

  it('names the narrowest margin and calls a claim knife-edge when it is under 5%, in a line of its own', () => {
    expect(c6!.narrowest).toEqual({ parameter: 'response.shape', direction: 'up', breaksAt: c6!.margins[0]!.up.breaksAt });
    expect(c6!.knifeEdge).toBe(true);
    expect(marginLine(c6!)).toMatch(/^C6 +knife-edge: breaks first at response\.shape \+2\.\d+%$/);
    const [wide] = claimMargins({ claims: ['C6'], parameters: ['response.shape'], knifeEdge: 0.01 });
    expect(wide!.knifeEdge).toBe(false);
  });

  it('reports a parameter that never breaks the claim as holding to the largest move tried', () => {
    const weight = c6!.margins.find((m) => m.parameter === 'eventWeight')!;
    expect(weight.up).toEqual({ breaksAt: null, limit: 0.5 });
    expect(weight.down).toEqual({ breaksAt: null, limit: 0.5 });
    const [c7] = claimMargins({ claims: ['C7'], parameters: ['eventWeight'], largest: 0.2 });
    expect(c7!.narrowest).toBeNull();
    expect(marginLine(c7!)).toBe('C7   holds for every move of up to 20% of each parameter tried');
  });

  it('stops at the edge of what a parameter may take (a bonus cannot go below zero)', () => {
    const [c7] = claimMargins({ claims: ['C7'], parameters: ['earlyBonus'], largest: 2 });
    const down = c7!.margins[0]!.down;
    expect(down.breaksAt).toBeNull();
    // earlyBonus 1 may go down to 0 (−100%) and no further: the search ends at that edge.
    expect(down.limit).toBeLessThanOrEqual(1);
    expect(down.limit).toBeGreaterThan(0.998);
  });

  it('gives a parameter at 0 no relative move: it holds to a limit of 0', () => {
    const [c7] = claimMargins({ claims: ['C7'], parameters: ['earlyBonus'], base: { earlyBonus: 0 } });
    expect(c7!.margins[0]!.up).toEqual({ breaksAt: null, limit: 0 });
    expect(c7!.margins[0]!.value).toBe(0);
  });

  it('gives a claim that does not hold at the base no margin at all', () => {
    const [c1] = claimMargins({ claims: ['C1'], parameters: ['activeDecay'], base: { neglectDecay: 0.004 } });
    expect(c1!.holds).toBe(false);
    expect(c1!.margins[0]!.up).toEqual({ breaksAt: 0, limit: 0 });
    expect(marginLine(c1!)).toBe('C1   does not hold at the base parameters');
    expect(claimMargins({ claims: ['C1'], parameters: ['activeDecay'], base: { neglectDecay: 0.004 } }).summary()[0]).toMatchObject({ id: 'C1', holds: false, knifeEdge: false });
  });

  it('refuses unknown claims and parameters and bad shares, naming them', () => {
    expect(caught(() => claimMargins({ claims: ['C99' as never] }), ParameterError).field).toBe('claims[0]');
    expect(caught(() => claimMargins({ parameters: ['interestPerReach'] }), ParameterError).field).toBe('parameters[0]');
    expect(caught(() => claimMargins({ parameters: [] }), ParameterError).field).toBe('parameters');
    expect(caught(() => claimMargins({ largest: 0 }), ParameterError).field).toBe('largest');
    expect(caught(() => claimMargins({ tolerance: 1 }), ParameterError).field).toBe('tolerance');
    expect(caught(() => claimMargins({ knifeEdge: -1 } as never), ParameterError).field).toBe('knifeEdge');
  });
});

describe('claimMargins, its edges and its words', () => {
  it('writes a break downwards with a minus sign, and prints every claim in a line under a title', async () => {
    const margins = claimMargins({ claims: ['C1'], parameters: ['neglectDecay'] });
    expect(marginLine(margins[0]!)).toMatch(/^C1 +breaks first at neglectDecay −2\d\.\d+%$/);
    const { inspect } = await import('node:util');
    const printed = inspect(margins);
    expect(printed).toContain('Claim margins (the smallest move of one parameter that breaks each claim)');
    expect(printed).toContain(marginLine(margins[0]!));
  });

  it('is knife-edge only below the threshold, not at it', () => {
    const [c6] = claimMargins({ claims: ['C6'], parameters: ['response.shape'] });
    const at = c6!.narrowest!.breaksAt;
    expect(claimMargins({ claims: ['C6'], parameters: ['response.shape'], knifeEdge: at })[0]!.knifeEdge).toBe(false);
    expect(claimMargins({ claims: ['C6'], parameters: ['response.shape'], knifeEdge: at + 1e-9 })[0]!.knifeEdge).toBe(true);
  });

  it('says how far it searched: the largest limit of any parameter tried', () => {
    const [c7] = claimMargins({ claims: ['C7'], parameters: ['earlyBonus', 'agendaMemory'], largest: 0.9 });
    // earlyBonus could go down only to 0 (−100%), beyond the 90% searched; agendaMemory either way.
    expect(c7!.margins.map((m) => [m.down.limit, m.up.limit])).toEqual([
      [0.9, 0.9],
      [0.9, 0.9],
    ]);
    expect(marginLine(c7!)).toBe('C7   holds for every move of up to 90% of each parameter tried');
    const [c7wide] = claimMargins({ claims: ['C7'], parameters: ['agendaMemory', 'earlyBonus'], largest: 1.5 });
    expect(c7wide!.margins[1]!.down.limit).toBeCloseTo(1, 2);
    expect(marginLine(c7wide!)).toBe('C7   holds for every move of up to 150% of each parameter tried');
  });

  it('names each bad option and refuses what is not one claim of its result', () => {
    expect(caught(() => claimMargins(5 as never), InputTypeError).field).toBe('options');
    expect(caught(() => claimMargins({ step: 1 } as never), ParameterError).field).toBe('options.step');
    expect(caught(() => claimMargins({ claims: 'C1' as never }), ParameterError).field).toBe('claims');
    expect(caught(() => claimMargins({ largest: 'half' as never }), ParameterError).field).toBe('largest');
    expect(caught(() => claimMargins({ largest: 10.5 }), ParameterError).field).toBe('largest');
    expect(claimMargins({ claims: ['C7'], parameters: ['eventWeight'], largest: 10, tolerance: 0.1 })[0]!.margins[0]!.up.limit).toBeLessThanOrEqual(10);
    expect(caught(() => marginLine({ id: 'C1' } as never), InputTypeError).field).toBe('claim');
    expect(caught(() => marginLine({ id: 'C1', holds: 'yes', margins: [] } as never), InputTypeError).field).toBe('claim');
    expect(caught(() => marginLine({ id: 1, holds: true, margins: [] } as never), InputTypeError).field).toBe('claim');
  });
});
