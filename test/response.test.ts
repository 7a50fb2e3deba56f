import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError, respond, type HillResponse } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const hill: HillResponse = { kind: 'hill', halfSaturation: 0.6, shape: 1.6 };

describe('respond (hill)', () => {
  it('is half its maximum at the half-saturation effort', () => {
    expectClose(respond(0.6, hill), 0.5);
  });

  it('matches the closed form a^s / (a^s + K^s)', () => {
    for (const a of [0.01, 0.2, 1, 3, 50]) {
      expectClose(respond(a, hill), a ** 1.6 / (a ** 1.6 + 0.6 ** 1.6), 1e-14);
    }
  });

  it('is 0 at no effort, stays in [0, 1] and never falls as effort rises', () => {
    expect(respond(0, hill)).toBe(0);
    let previous = 0;
    for (let a = 0; a <= 20; a += 0.05) {
      const r = respond(a, hill);
      expect(r).toBeGreaterThanOrEqual(previous);
      expect(r).toBeLessThanOrEqual(1);
      previous = r;
    }
  });

  it('evaluates a series into a Float64Array without touching the input', () => {
    const input = [0, 0.6, 1];
    const out = respond(input, hill);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out[1]).toBeCloseTo(0.5, 12);
    expect(input).toEqual([0, 0.6, 1]);
  });

  it('gives daily posting about 4.3× the response of 1.5 posts a week (C6 in the small)', () => {
    expect(respond(1, hill) / respond(1.5 / 7, hill)).toBeCloseTo(4.296, 2);
  });

  it.each([-1, NaN, Infinity])('rejects effort %d', (x) => {
    expect(caught(() => respond(x, hill), ParameterError).field).toBe('effort');
  });

  it('names the position of a bad value in a series', () => {
    expect(caught(() => respond([1, -2], hill), ParameterError).field).toBe('effort[1]');
    expect(caught(() => respond(['1'] as never, hill), InputTypeError).field).toBe('effort[0]');
  });

  it('rejects an unknown kind and a bad shape', () => {
    expect(caught(() => respond(1, { kind: 'nope' } as never), ParameterError).field).toBe('response.kind');
    expect(caught(() => respond(1, { ...hill, shape: -1 }), ParameterError).field).toBe('response.shape');
  });
});
