import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, DurationError, ParameterError, daysToMonths, toDays } from 'relationship-equity';
import { caught } from './helpers.js';

describe('toDays', () => {
  it.each([
    ['8 months', 243.5],
    ['1.5 years', 547.875],
    ['2 weeks', 14],
    ['45 days', 45],
    ['12 hours', 0.5],
    ['1 month', 30.4375],
    ['  3 days ', 3],
    ['30', 30],
  ])('reads %j as %d days', (text, days) => {
    expect(toDays(text)).toBeCloseTo(days, 12);
  });

  it('takes a number as days', () => {
    expect(toDays(17.5)).toBe(17.5);
    expect(toDays(0)).toBe(0);
  });

  it('counts a month as 365.25 / 12 days', () => {
    expect(DAYS_PER_MONTH).toBe(365.25 / 12);
    expect(daysToMonths(toDays('8 months'))).toBeCloseTo(8, 12);
  });

  it.each([
    ['8 parsecs', /parsecs/],
    ['5 kg', /time/],
    ['', /number of days/],
    ['soon', /soon/],
  ])('rejects %j with a DurationError that names the value', (text, pattern) => {
    const error = caught(() => toDays(text, 'horizon'), DurationError);
    expect(error).toBeInstanceOf(ParameterError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error.field).toBe('horizon');
    expect(error.value).toBe(text);
    expect(error.message).toMatch(/^`horizon` must be/);
    expect(error.message).toMatch(pattern);
  });

  it.each([NaN, Infinity, -1, '-2 days', null, undefined, {}])('rejects %j', (value) => {
    caught(() => toDays(value as never), DurationError);
  });
});

describe('toDays evaluates no expression (mathjs is used for unit parsing only)', () => {
  // The library never evaluates user-written expressions: durations go through mathjs's
  // unit() on an instance created with the unit dependencies alone, which has no
  // evaluate, parse, import, createUnit, simplify, derivative or resolve at all.
  it.each([
    'import("fs")',
    'evaluate("1 + 1") days',
    'createUnit("parsec", "3 days")',
    '2 days + 3 days',
    'f(x) = x',
    'simplify("x + x") days',
    '[1, 2] days',
    'constructor days',
    '__proto__ days',
  ])('%j is not a duration', (text) => {
    expect(() => toDays(text)).toThrow(DurationError);
  });

  it('a unit parsed once does not change what later calls read', () => {
    expect(() => toDays('createUnit("day", "2 days")')).toThrow(DurationError);
    expect(toDays('1 day')).toBe(1);
  });
});
