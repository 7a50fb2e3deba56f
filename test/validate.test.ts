/**
 * The boundary checks every public function uses: what each accepts, at its
 * edges, and the error (class, field, what is allowed) for what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError } from 'relationship-equity';
import { finiteNumber, inRange, integerAtLeast, knownKeys, nonNegative, plainObject, positive } from '../src/core/validate.js';
import { caught } from './helpers.js';

describe('finiteNumber', () => {
  it('returns a finite number as it is', () => {
    expect(finiteNumber('x', -2.5)).toBe(-2.5);
    expect(finiteNumber('x', 0)).toBe(0);
  });
  it('refuses another type with an InputTypeError and NaN or ±∞ with a ParameterError', () => {
    expect(caught(() => finiteNumber('runs', '3'), InputTypeError).message).toBe('`runs` must be a number, got "3"');
    for (const bad of [NaN, Infinity, -Infinity]) expect(caught(() => finiteNumber('runs', bad), ParameterError).message).toMatch(/a finite number, got/);
  });
});

describe('nonNegative and positive', () => {
  it('take 0 and more (nonNegative), more than 0 (positive)', () => {
    expect(nonNegative('x', 0)).toBe(0);
    expect(nonNegative('x', 3)).toBe(3);
    expect(positive('x', Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(caught(() => nonNegative('x', -Number.MIN_VALUE), ParameterError).message).toMatch(/a finite number ≥ 0/);
    expect(caught(() => positive('x', 0), ParameterError).message).toMatch(/a finite number > 0/);
  });
});

describe('inRange', () => {
  it('takes both ends of the range', () => {
    expect(inRange('share', 0, 0, 1)).toBe(0);
    expect(inRange('share', 1, 0, 1)).toBe(1);
  });
  it('refuses values just outside, saying the range', () => {
    expect(caught(() => inRange('share', -1e-12, 0, 1), ParameterError).message).toBe('`share` must be a number from 0 to 1, got -1e-12');
    expect(caught(() => inRange('share', 1 + 1e-12, 0, 1), ParameterError).field).toBe('share');
  });
});

describe('integerAtLeast', () => {
  it('takes whole numbers from the minimum up', () => {
    expect(integerAtLeast('runs', 1, 1)).toBe(1);
    expect(integerAtLeast('runs', 7, 1)).toBe(7);
  });
  it('refuses one below the minimum and fractions, saying the minimum', () => {
    expect(caught(() => integerAtLeast('runs', 0, 1), ParameterError).message).toBe('`runs` must be a whole number ≥ 1, got 0');
    expect(caught(() => integerAtLeast('runs', 2.5, 1), ParameterError).field).toBe('runs');
  });
});

describe('plainObject', () => {
  it('takes an object as a snapshot (each field read once) and refuses null, arrays, other types and __proto__', () => {
    const o = { a: 1 };
    expect(plainObject('options', o)).toEqual(o);
    expect(plainObject('options', o)).not.toBe(o);
    let reads = 0;
    const shifty = {
      get horizon() {
        reads++;
        return reads === 1 ? '1 year' : '-5 parsecs';
      },
    };
    const snapshot = plainObject('options', shifty);
    expect([snapshot.horizon, snapshot.horizon, reads]).toEqual(['1 year', '1 year', 1]);
    expect(caught(() => plainObject('options', JSON.parse('{"__proto__": {"polluted": true}}')), ParameterError).field).toBe('options.__proto__');
    for (const bad of [null, [1], 'x', 3, undefined]) expect(caught(() => plainObject('options', bad), InputTypeError).field).toBe('options');
  });
});

describe('knownKeys', () => {
  it('passes known keys and names the first unknown one, listing the known ones', () => {
    expect(() => knownKeys('options', { a: 1, b: 2 }, ['a', 'b', 'c'])).not.toThrow();
    const error = caught(() => knownKeys('options', { a: 1, colour: 'red' }, ['a', 'b']), ParameterError);
    expect(error.field).toBe('options.colour');
    expect(error.value).toBe('red');
    expect(error.message).toBe('`options.colour` must be one of the known fields (a, b), got "red"');
  });
});

describe('knownKeys points at what was meant', () => {
  it('names the key that was probably meant, and where a key of another object belongs', async () => {
    const { monteCarlo, simulate } = await import('relationship-equity');
    expect(caught(() => simulate({ horizn: '1 year' } as never), ParameterError).message).toMatch(/did you mean `horizon`\?/);
    expect(caught(() => simulate({ Horizon: '1 year' } as never), ParameterError).message).toMatch(/did you mean `horizon`\?/);
    expect(caught(() => simulate({ colour: 'red' } as never), ParameterError).message).not.toMatch(/did you mean/);
    const misplaced = caught(() => monteCarlo({ runs: 2, seed: 1, horizon: '1 year' } as never), ParameterError);
    expect(misplaced.field).toBe('options.horizon');
    expect(misplaced.message).toMatch(/`horizon` belongs in `scenario.horizon`/);
  });
});
