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
    ['8 mo', 243.5],
    ['8 Months', 243.5],
    ['8\u00a0months', 243.5],
    ['1 year 6 months', 547.875],
    ['1 year, 6 months', 547.875],
    ['3 days and 12 hours', 3.5],
    ['2w3d', 17],
    ['1 quarter', 91.3125],
    ['a fortnight'.replace('a ', '1 '), 14],
    ['P8M', 243.5],
    ['P1Y6M', 547.875],
    ['P2W', 14],
    ['p3d', 3],
    ['PT12H', 0.5],
    ['P1DT12H', 1.5],
    ['P0,5Y', 182.625],
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

describe('toDays evaluates no expression', () => {
  // Durations are read by a table of units and two patterns: nothing is evaluated.
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

describe('toDays messages and edge cases', () => {

  it('says which unit it does not know, and where the terms stop making sense', () => {
    const allowed = "a number of days or a time such as '8 months' or '2 weeks'";
    expect(caught(() => toDays('8 parsecs'), DurationError).message).toBe(`\`duration\` must be ${allowed} ("parsecs" is not a unit of time: days, weeks, months, years (d, w, mo, y), hours), got "8 parsecs"`);
    expect(caught(() => toDays('3..5 days'), DurationError).message).toBe(`\`duration\` must be ${allowed} (a number and a unit), got "3..5 days"`);
    expect(caught(() => toDays('P'), DurationError).message).toMatch(/a number and a unit/);
    expect(caught(() => toDays('PT'), DurationError).message).toMatch(/a number and a unit/);
    expect(caught(() => toDays('1 year 6'), DurationError).message).toMatch(/a number and a unit after "1 year"/);
  });

  it('says only what is allowed for a value of the wrong type', () => {
    const error = caught(() => toDays({ days: 3 } as never), DurationError);
    expect(error.message).toBe("`duration` must be a number of days or a time such as '8 months' or '2 weeks', got {\"days\":3}");
    expect(caught(() => daysToMonths('30' as never), DurationError).message).toBe('`days` must be a number of days, got "30"');
  });
  it('says why a string is not a duration', () => {
    expect(() => toDays('8 parsecs', 'pause.for')).toThrow(
      '`pause.for` must be a number of days or a time such as \'8 months\' or \'2 weeks\' ("parsecs" is not a unit of time: days, weeks, months, years (d, w, mo, y), hours), got "8 parsecs"',
    );
    expect(() => toDays('   ')).toThrow('`duration` must be a number of days or a time such as \'8 months\' or \'2 weeks\', got "   "');
    expect(() => toDays(Infinity)).toThrow('must be finite: a number of days');
    expect(() => toDays(-1)).toThrow('must be not negative: a number of days');
    expect(() => toDays('-3 days')).toThrow('must be not negative');
    expect(() => toDays(true as never)).toThrow(DurationError);
  });

  it('reads a bare number in a string as days, and zero as zero', () => {
    expect(toDays(' 12.5 ')).toBe(12.5);
    expect(toDays('0')).toBe(0);
    expect(toDays('0 days')).toBe(0);
  });

  it('keeps the month, year and week constants', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
    expect(daysToMonths(0)).toBe(0);
    expect(daysToMonths(30.4375)).toBe(1);
    expect(() => daysToMonths(Infinity)).toThrow('`days` must be a finite number of days, got Infinity');
  });
});
