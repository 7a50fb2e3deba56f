/**
 * The boundary checks every public function uses: what each accepts, at its
 * edges, and the error (class, field, what is allowed) for what it refuses.
 */
import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError } from 'relationship-equity';
import { closestName, decimalNumber, finiteNumber, frozenCopy, inRange, integerAtLeast, knownKeys, nonNegative, optionalBoolean, plainObject, positive, upTo } from '../src/core/validate.js';
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

describe('upTo', () => {
  it('takes 0 to the maximum, both ends included, and says the range and why', () => {
    expect(upTo('posts', 0, 10)).toBe(0);
    expect(upTo('posts', 10, 10)).toBe(10);
    expect(caught(() => upTo('posts', 10.000001, 10, 'no account posts more'), ParameterError).message).toBe('`posts` must be a number from 0 to 10 (no account posts more), got 10.000001');
    expect(caught(() => upTo('posts', 11, 10), ParameterError).message).toBe('`posts` must be a number from 0 to 10, got 11');
    expect(caught(() => upTo('posts', -1, 10), ParameterError).field).toBe('posts');
  });
});

describe('optionalBoolean', () => {
  it('gives the fallback (false unless told) when absent and refuses anything but a boolean', () => {
    expect(optionalBoolean('keepPaths', undefined)).toBe(false);
    expect(optionalBoolean('keepPaths', undefined, true)).toBe(true);
    expect(optionalBoolean('keepPaths', true)).toBe(true);
    caught(() => optionalBoolean('keepPaths', 'yes'), InputTypeError);
  });
});

describe('decimalNumber', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['+3', 3],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    ['0012', 12],
  ])('reads %j as %d', (text, value) => expect(decimalNumber(text)).toBe(value));
  it.each(['0x10', 'Infinity', '', ' 1', '1 ', '1e', 'e3', '1.2.3', '--1', '1e+', '1_000', '.', 'NaN', '1,5', '0b1', 'a1', '1a'])('refuses %j', (text) => {
    expect(decimalNumber(text)).toBeUndefined();
  });
});

describe('frozenCopy', () => {
  it('copies plain data deeply and freezes every level, so later changes to the original do not reach in', () => {
    const original = { a: [1, { b: 'x' }], c: null, d: true };
    const copy = frozenCopy('options', original);
    expect(copy).toEqual(original);
    (original.a[1] as { b: string }).b = 'changed';
    expect((copy.a[1] as { b: string }).b).toBe('x');
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.a) && Object.isFrozen(copy.a[1])).toBe(true);
    expect(frozenCopy('x', 5)).toBe(5);
    expect(frozenCopy('x', null)).toBeNull();
  });

  it('refuses functions, symbols and bigints, naming where they are', () => {
    expect(caught(() => frozenCopy('options', { a: [1, () => 2] }), InputTypeError).field).toBe('options.a[1]');
    expect(caught(() => frozenCopy('options', { s: Symbol('s') }), InputTypeError).field).toBe('options.s');
    expect(caught(() => frozenCopy('options', { n: 1n }), InputTypeError).field).toBe('options.n');
  });

  it('takes 64 levels of nesting and refuses 65, naming the field', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { x: nest(levels - 1) });
    expect(() => frozenCopy('options', nest(64))).not.toThrow();
    const error = caught(() => frozenCopy('options', nest(66)), InputTypeError);
    expect(error.field).toMatch(/^options(\.x)+$/);
    expect(error.message).toContain('nested at most 64 levels');
  });
});

describe('closestName', () => {
  it('finds the word within one edit for short words and two for longer ones, ignoring case', () => {
    expect(closestName('hrizon', ['horizon', 'step'])).toBe('horizon');
    expect(closestName('HORIZN', ['horizon'])).toBe('horizon');
    expect(closestName('hrzon', ['horizon'])).toBe('horizon'); // two edits, a long word
    expect(closestName('hzn', ['horizon'])).toBeUndefined();
    expect(closestName('stp', ['step'])).toBe('step'); // one edit, a short word
    expect(closestName('sp', ['step'])).toBeUndefined(); // two edits are too many for a short word
    expect(closestName('seeds', ['seed'])).toBe('seed');
    expect(closestName('abcde', ['abcd'])).toBe('abcd');
    expect(closestName('abxyz', ['abcde'])).toBeUndefined(); // three edits
    expect(closestName('axyd', ['abcd'])).toBeUndefined(); // two edits on a four-letter word
  });

  it('prefers the nearest word, and the first of equally near ones', () => {
    expect(closestName('runz', ['rune', 'runs'])).toBe('rune');
    expect(closestName('levels', ['level', 'levels'])).toBe('levels');
    expect(closestName('ab', ['abc'])).toBe('abc'); // a word longer than the name: the last row of the distance counts
  });
});
