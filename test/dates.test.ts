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
    expect(caught(() => isoDateDay('launched', text), ParameterError).message).toBe(`\`launched\` must be an ISO date such as '2022-07-01' (or a Date), got "${text}"`);
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

describe('Date objects, wherever an ISO date is taken', () => {
  it('reads a Date at midnight UTC as its UTC day, and any other as the local day it was made on', () => {
    expect(isoDate('d', new Date('2022-07-01'))).toEqual({ day: isoDateDay('d', '2022-07-01'), date: '2022-07-01' });
    expect(isoDate('d', new Date(2022, 6, 1)).date).toBe('2022-07-01');
    expect(isoDate('d', new Date(2022, 6, 1, 23, 30)).date).toBe('2022-07-01');
    expect(caught(() => isoDate('d', new Date('nonsense')), ParameterError).field).toBe('d');
  });

  it('in logs, history rows and the monitor', async () => {
    const { schedule, historyFromRows, createMonitor } = await import('relationship-equity');
    expect(schedule.fromLog([{ date: new Date('2022-01-03') }, { date: '2022-01-05' }]).spec.loggedPosts.map((p) => p.day)).toEqual([0, 2]);
    expect(historyFromRows([{ date: new Date('2022-01-03'), posts: 1, views: 5 }]).origin).toBe('2022-01-03');
    const watch = createMonitor();
    watch.push({ posts: 1, date: new Date('2024-01-01') });
    expect(watch.push({ posts: 1, date: '2024-01-02' }).day).toBe(1);
  });
});
