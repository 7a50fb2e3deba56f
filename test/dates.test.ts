import { describe, expect, it } from 'vitest';
import { InputTypeError, ParameterError } from 'relationship-equity';
import { isoDate, isoDateDay } from '../src/core/dates.js';
import { caught } from './helpers.js';

describe('isoDateDay', () => {
  it('counts days from 1970-01-01', () => {
    expect(isoDateDay('d', '1970-01-01')).toBe(0);
    expect(isoDateDay('d', '1970-01-02')).toBe(1);
    expect(isoDateDay('d', '2017-09-01')).toBe(17410);
    expect(isoDateDay('d', '2024-03-01') - isoDateDay('d', '2024-02-28')).toBe(2); // a leap year
  });

  it('ignores surrounding spaces', () => {
    expect(isoDateDay('d', ' 2022-07-01 ')).toBe(isoDateDay('d', '2022-07-01'));
  });

  it.each(['2022-07-01T23:59:59.999Z', '2022-07-01 09:30', '2022-07-01T09:30:00+02:00', '2022-07-01T23:30-05:00', '2022-07-01T99:99:99'])(
    'refuses %j: a time or a zone, which would otherwise be dropped (a date is a day)',
    (text) => {
      expect(caught(() => isoDateDay('launched', text), ParameterError).message).toMatch(/^`launched` must be a calendar date 'YYYY-MM-DD' without a time or zone/);
    },
  );

  it.each(['2022-02-29', '2023-02-30', '2022-04-31', '2022-13-01', '2022-00-10', '0050-01-01'])('refuses %j, a date that does not exist', (text) => {
    expect(caught(() => isoDateDay('launched', text), ParameterError).message).toBe(`\`launched\` must be a calendar date that exists, got "${text}"`);
  });

  it.each(['2022-7-1', '01/07/2022', '2022-07-01x', 'x2022-07-01', ''])('refuses %j, not an ISO date', (text) => {
    expect(caught(() => isoDateDay('launched', text), ParameterError).message).toBe(`\`launched\` must be an ISO date such as '2022-07-01', got "${text}"`);
  });

  it('refuses a value that is not text with an InputTypeError', () => {
    expect(caught(() => isoDateDay('launched', 20220701), InputTypeError).field).toBe('launched');
  });
});

describe('isoDate', () => {
  it('gives the day and the date itself, without spaces, time or zone', () => {
    expect(isoDate('d', ' 2021-10-01 ')).toEqual({ day: isoDateDay('d', '2021-10-01'), date: '2021-10-01' });
  });
});
