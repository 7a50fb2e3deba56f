import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, LIMITS, ParameterError, calibrate, historyFromRows, parseHistoryCsv, simulate, toDays } from 'relationship-equity';
import { readHistoryCsv } from '../src/node.js';
import { caught } from './helpers.js';

describe('historyFromRows', () => {
  it('turns weekly rows into a schedule and per-period measurements with gaps', () => {
    const h = historyFromRows(
      [
        { date: '2022-01-03', posts: 2, views: 5400 },
        { date: '2022-01-10', posts: 1, events: 1, views: 6100, leads: 2 },
        { date: '2022-01-24', views: null, leads: 1 },
      ],
      { period: '1 week' },
    );
    expect(h.origin).toBe('2022-01-03');
    expect(h.period).toBe(7);
    expect(h.views).toEqual([5400, 6100, null, null]);
    expect(h.leads).toEqual([null, 2, null, 1]);
    expect(h.activity.spec.loggedPosts).toEqual([
      { day: 0, count: 2 },
      { day: 7, count: 1 },
    ]);
    expect(h.activity.spec.loggedEvents).toEqual([{ day: 7, count: 1 }]);
    // a weekly row's posts count as effort over its week
    const effort = h.activity.sample(0, 7, 2).effort;
    expect(effort[0]).toBeCloseTo(2 / 7, 12);
  });

  it.each([
    [[{ date: '2022-01-03' }, { date: '2022-01-02' }], 'rows[1].date'],
    [[{ date: '2022-01-03' }, { date: '2022-01-03' }], 'rows[1].date'],
    [[{ date: '2022-01-03' }, { date: '2022-01-05' }], 'rows[1].date'],
    [[{ date: '2022-02-30' }], 'rows[0].date'],
    [[{ date: '2022-01-03', posts: -1 }], 'rows[0].posts'],
    [[{ date: '2022-01-03', likes: 4 }], 'rows[0].likes'],
    [[], 'rows'],
  ])('rejects %j naming %s', (rows, field) => {
    expect(caught(() => historyFromRows(rows as never, { period: '1 week' }), ParameterError).field).toBe(field);
  });
});

describe('historyFromRows in detail', () => {
  it('counts periods from the first row, fills skipped periods with gaps, and reads empty counts as 0', () => {
    const h = historyFromRows([{ date: ' 2022-01-01 ', posts: null as never, views: 3 }, { date: '2022-01-04', events: 2 }]);
    expect(h.origin).toBe('2022-01-01');
    expect(h.periods).toBe(4);
    expect(h.views).toEqual([3, null, null, null]);
    expect(h.activity.spec.loggedPosts).toEqual([]);
    expect(h.activity.spec.loggedEvents).toEqual([{ day: 3, count: 2 }]);
    expect(h.activity.spec.spread).toBe(7);
  });

  it('spreads posts over the period when it is longer than a week', () => {
    const h = historyFromRows([{ date: '2022-01-01', posts: 30 }, { date: '2022-01-31', posts: 30 }], { period: '30 days' });
    expect(h.activity.spec.spread).toBe(30);
    expect(h.activity.sample(0, 1, 60).effort.every((x) => Math.abs(x - 1) < 1e-12)).toBe(true);
  });

  it.each([
    ['rows not an array', () => historyFromRows('2022-01-01' as never), InputTypeError, 'rows'],
    ['options not an object', () => historyFromRows([{ date: '2022-01-01' }], 7 as never), InputTypeError, 'options'],
    ['an unknown option', () => historyFromRows([{ date: '2022-01-01' }], { every: 7 } as never), ParameterError, 'options.every'],
    ['a period of half a day', () => historyFromRows([{ date: '2022-01-01' }], { period: 0.5 }), ParameterError, 'options.period'],
    ['a period of 1.5 days', () => historyFromRows([{ date: '2022-01-01' }], { period: 1.5 }), ParameterError, 'options.period'],
    ['an unreadable period', () => historyFromRows([{ date: '2022-01-01' }], { period: 'weekly' }), DurationError, 'options.period'],
    ['a first row without a date', () => historyFromRows([{ posts: 1 } as never]), InputTypeError, 'rows[0].date'],
    ['a date in another format', () => historyFromRows([{ date: '01/03/2022' }]), ParameterError, 'rows[0].date'],
    ['a row not an object', () => historyFromRows([{ date: '2022-01-01' }, 5 as never]), InputTypeError, 'rows[1]'],
    ['events not a number', () => historyFromRows([{ date: '2022-01-01', events: 'two' as never }]), InputTypeError, 'rows[0].events'],
    ['negative events', () => historyFromRows([{ date: '2022-01-01', events: -2 }]), ParameterError, 'rows[0].events'],
    ['negative views', () => historyFromRows([{ date: '2022-01-01', views: -2 }]), ParameterError, 'rows[0].views'],
    ['leads not finite', () => historyFromRows([{ date: '2022-01-01', leads: Infinity }]), ParameterError, 'rows[0].leads'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('says what a row must be', () => {
    expect(() => historyFromRows([{ date: '2022-01-01' }, { date: '2022-01-03' }], { period: 2.0 })).not.toThrow();
    expect(() => historyFromRows([{ date: '2022-01-01' }, { date: '2022-01-04' }], { period: 2 })).toThrow(
      '`rows[1].date` must be a whole number of periods (2 days) after the first row, got "2022-01-04"',
    );
    expect(() => historyFromRows([{ date: '2022-01-01', views: -2 }])).toThrow('`rows[0].views` must be a number ≥ 0, or empty for no measurement, got -2');
    expect(() => historyFromRows([{ date: '2022-01-01' }], { period: 0.5 })).toThrow('`options.period` must be a whole number of days ≥ 1, got 0.5');
  });
});

describe('parseHistoryCsv', () => {
  const csv = ['Date,Posts,Events,Views,Leads,Notes', '2022-01-03,2,0,5400,,"launch, with a comma"', '2022-01-04,,,6100,1,', '', '2022-01-06,1,1,,,'].join('\n');

  it('reads a header in any case, ignores unknown columns and blank lines, and keeps gaps', () => {
    const h = parseHistoryCsv(csv);
    expect(h.views).toEqual([5400, 6100, null, null]);
    expect(h.leads).toEqual([null, 1, null, null]);
    expect(h.activity.spec.loggedPosts.map((p) => p.day)).toEqual([0, 3]);
  });

  it('names the line of a bad row', () => {
    const bad = csv.replace('2022-01-04,,,6100', '2022-01-04,,,lots');
    const error = caught(() => parseHistoryCsv(bad), ParameterError);
    expect(error.field).toBe('csv line 3');
    expect(error.message).toContain('views');
    const unsorted = csv.replace('2022-01-06', '2022-01-01');
    expect(caught(() => parseHistoryCsv(unsorted), ParameterError).field).toBe('csv line 5');
    expect(caught(() => parseHistoryCsv('when,posts\n2022-01-01,1'), ParameterError).field).toBe('csv line 1');
  });

  it('says which line is wrong, what the row must be, and what it held', () => {
    expect(() => parseHistoryCsv('date,posts\n2022-01-01,1\n2022-01-02,-1')).toThrow(
      '`csv line 3` must be a row whose posts is a number ≥ 0 (it is -1), got "2022-01-02,-1"',
    );
    expect(() => parseHistoryCsv('date,posts\n2022-01-01,1,9')).toThrow('`csv line 2` must be at most 2 fields, as in the header, got "2022-01-01,1,9"');
    expect(() => parseHistoryCsv('date,posts\n2022-01-01,x')).toThrow('`csv line 2` must be a number in the posts column written with a decimal point, got "x", got "2022-01-01,x"');
    expect(() => parseHistoryCsv('when,posts\n2022-01-01,1')).toThrow('`csv line 1` must be a header naming a `date` column');
    expect(caught(() => parseHistoryCsv(42 as never), InputTypeError).field).toBe('text');
    expect(caught(() => parseHistoryCsv('date,posts\n'), ParameterError).field).toBe('rows');
  });

  it('reads quoted fields with commas and doubled quotes, Windows line ends, and short rows', () => {
    const h = parseHistoryCsv('date,note,posts,views\r\n2022-01-01,"a ""big"", day",2,100\r\n2022-01-02,"x"\r\n', { ignore: ['Note'] });
    expect(h.views).toEqual([100, null]);
    expect(h.activity.spec.loggedPosts).toEqual([{ day: 0, count: 2 }]);
  });

  it('trims headers and cells, skips lines of spaces, and names lines past the tenth', () => {
    const rows = Array.from({ length: 12 }, (_, k) => `2022-01-${String(k + 1).padStart(2, '0')} , ${k % 3} , ${100 + k}`);
    const h = parseHistoryCsv(['Date , Posts , Views', ...rows.slice(0, 5), '   ', ...rows.slice(5)].join('\n'));
    expect(h.views).toEqual(Array.from({ length: 12 }, (_, k) => 100 + k));
    const bad = [...rows];
    bad[10] = '2022-01-11,-1,5';
    expect(caught(() => parseHistoryCsv(['date,posts,views', ...bad].join('\n')), ParameterError).field).toBe('csv line 12');
    expect(caught(() => parseHistoryCsv('date,posts\n2022-01-01,1', { period: 0 }), ParameterError).field).toBe('options.period');
  });

  it('takes a period for weekly exports', () => {
    const h = parseHistoryCsv('date,posts,views\n2022-01-03,2,10\n2022-01-17,1,30', { period: '1 week' });
    expect(h.views).toEqual([10, null, 30]);
    expect(() => parseHistoryCsv('date,posts\n2022-01-03,2\n2022-01-05,1', { period: '1 week' })).toThrow(/csv line 3/);
  });

  it('a CSV export calibrates end to end', () => {
    // Write the model's own weekly reach for a known neglect decay, then fit it back.
    const rows = ['date,posts,events,views'];
    const posting = (w: number) => (w >= 40 && w < 62 ? 0 : w < 20 ? 1 : 3);
    const log: { day: number; posts: number; events: number }[] = [];
    for (let w = 0; w < 120; w++) if (posting(w) > 0) log.push({ day: w * 7, posts: posting(w), events: w % 4 === 0 ? 1 : 0 });
    const start = Date.UTC(2020, 0, 6);
    const truthRun = simulate({
      horizon: 120 * 7,
      activity: historyFromRows(log.map((e) => ({ date: new Date(start + e.day * 86_400_000).toISOString().slice(0, 10), posts: e.posts, events: e.events })), { period: '1 week' }).activity,
      parameters: { neglectDecay: 0.0025 },
    });
    for (let w = 0; w < 120; w++) {
      let views = 0;
      for (let d = w * 7; d < w * 7 + 7; d++) views += truthRun.reach[d]!;
      const date = new Date(start + w * 7 * 86_400_000).toISOString().slice(0, 10);
      rows.push(`${date},${posting(w)},${w % 4 === 0 && posting(w) > 0 ? 1 : 0},${(views * 100).toFixed(3)}`);
    }
    const dir = mkdtempSync(join(tmpdir(), 're-'));
    const file = join(dir, 'export.csv');
    writeFileSync(file, rows.join('\n'));
    const history = readHistoryCsv(file, { period: '1 week' });
    const fit = calibrate({ history: history.activity, observed: { series: 'reach', values: history.views, period: '1 week' }, fit: ['neglectDecay'] });
    expect(Math.abs(fit.parameters.neglectDecay!.value / 0.0025 - 1)).toBeLessThan(0.01);
  });
});

describe('a history that ends quietly', () => {
  // 30 weeks of three posts a week, then 12 quiet weeks that were still measured.
  const start = Date.UTC(2023, 0, 2);
  const date = (week: number) => new Date(start + 7 * week * 86_400_000).toISOString().slice(0, 10);
  const posting = historyFromRows(Array.from({ length: 30 }, (_, k) => ({ date: date(k), posts: 3 })), { period: '1 week' });
  const run = simulate({ horizon: 42 * 7, activity: posting.activity });
  const csv = ['date,posts,views'];
  for (let k = 0; k < 42; k++) {
    let views = 0;
    for (let d = 7 * k; d < 7 * k + 7; d++) views += 400 * run.reach[d]!;
    csv.push(`${date(k)},${k < 30 ? 3 : ''},${views.toFixed(3)}`);
  }

  it('keeps the trailing rows without posts, and says the log is complete to its last row', () => {
    const history = parseHistoryCsv(csv.join('\n'), { period: '1 week' });
    expect(history.periods).toBe(42);
    expect(history.end).toBe(42 * 7);
    expect(history.activity.spec.loggedUntil).toBe(42 * 7);
  });

  it('lets a fit use the quiet weeks’ measurements, which the log alone would not allow', () => {
    const history = parseHistoryCsv(csv.join('\n'), { period: '1 week' });
    const observed = { series: 'reach' as const, values: history.views, period: '1 week' };
    const fit = calibrate({ history, observed, fit: ['neglectDecay'] });
    expect(fit.goodness.n).toBe(42);
    expect(fit.parameters.neglectDecay!.value / 0.0015).toBeCloseTo(1, 3); // noise-free: the default comes back
    // the 30 posting weeks' log ends at its last post: 12 quiet weeks of measurements are too many for it
    const truncated = historyFromRows(Array.from({ length: 30 }, (_, k) => ({ date: date(k), posts: 3 })), { period: '1 week' });
    expect(caught(() => calibrate({ history: truncated, observed, fit: ['neglectDecay'] }), ParameterError).field).toBe('observed.values');
  });
});

describe('parseHistoryCsv refuses what it would otherwise misread', () => {
  it('a misspelt column, instead of dropping every value under it', () => {
    expect(caught(() => parseHistoryCsv('date,post,view\n2022-01-03,2,5400\n'), ParameterError).message).toMatch(/`post` is not a column the reader knows — did you mean `posts`\? \(map it with options.columns, e.g. \{ posts: 'post' \}/);
    expect(caught(() => parseHistoryCsv('date,posts,veiws\n2022-01-03,2,5400\n'), ParameterError).message).toMatch(/did you mean `views`/);
    // a metric the exports carry and a history does not read is skipped; any other column is named
    expect(parseHistoryCsv('date,posts,likes\n2022-01-03,2,99\n').periods).toBe(1);
    expect(caught(() => parseHistoryCsv('date,posts,mood\n2022-01-03,2,happy\n'), ParameterError).message).toMatch(/`mood` is not a column the reader knows \(map it/);
    expect(parseHistoryCsv('date,posts,mood\n2022-01-03,2,happy\n', { ignore: ['MOOD'] }).periods).toBe(1);
  });

  it('a column named twice, and a header with no data column', () => {
    expect(caught(() => parseHistoryCsv('date,posts,posts\n2022-01-03,2,3\n'), ParameterError).message).toMatch(/each column once \(`posts` is read from `posts` and `posts`\)/);
    expect(caught(() => parseHistoryCsv('date,views,video views\n2022-01-03,2,3\n'), ParameterError).message).toMatch(/`views` is read from `views` and `video views`/);
    expect(caught(() => parseHistoryCsv('date,likes\n2022-01-03,2\n'), ParameterError).field).toBe('csv line 1');
  });

  it('numbers that are not decimal (0x10, Infinity) in cells and in durations', () => {
    expect(caught(() => parseHistoryCsv('date,posts\n2022-01-03,0x10\n'), ParameterError).field).toBe('csv line 2');
    expect(caught(() => parseHistoryCsv('date,views\n2022-01-03,Infinity\n'), ParameterError).field).toBe('csv line 2');
    expect(caught(() => toDays('0x10'), DurationError).field).toBe('duration');
    expect(parseHistoryCsv('date,views\n2022-01-03,1e3\n2022-01-04,.5\n').views).toEqual([1000, 0.5]);
  });

  it('an out-of-order line as soon as it is read, skipping a byte-order mark', () => {
    const rows = ['date,posts', '2022-01-03,1', '2022-01-03,1', ...Array.from({ length: 1000 }, () => 'not a row at all')];
    expect(caught(() => parseHistoryCsv(rows.join('\n')), ParameterError).field).toBe('csv line 3');
    expect(parseHistoryCsv('\uFEFFdate,posts\n2022-01-03,1\n').periods).toBe(1);
  });

  it('text over LIMITS.textCharacters before reading it, and a path that is not a string', () => {
    expect(caught(() => parseHistoryCsv(`date,posts\n${' '.repeat(LIMITS.textCharacters)}`), ParameterError).field).toBe('text');
    expect(caught(() => readHistoryCsv(42 as never), InputTypeError).field).toBe('path');
  });
});

describe('parseHistoryCsv reads the dialects exports are written in', () => {
  it('semicolons with decimal commas and thousands points, as European Excel writes them', () => {
    const h = parseHistoryCsv('date;posts;views\n2022-01-03;2;5.400,5\n2022-01-04;1;1.234.567\n2022-01-05;0;12,25\n');
    expect(h.views).toEqual([5400.5, 1234567, 12.25]);
  });

  it('tabs, and thousands separators with a decimal point (quoted when the separator is a comma)', () => {
    expect(parseHistoryCsv('date\tposts\tviews\n2022-01-03\t2\t5,400\n2022-01-04\t1\t5 400.5\n').views).toEqual([5400, 5400.5]);
    expect(parseHistoryCsv('date,views\n2022-01-03,"5,400"\n').views).toEqual([5400]);
    // a comma not grouping thousands is not a number with a decimal point
    expect(caught(() => parseHistoryCsv('date,views\n2022-01-03,"5,40"\n'), ParameterError).field).toBe('csv line 2');
  });

  it('an explicit separator and decimal mark, overriding what is detected', () => {
    expect(parseHistoryCsv('date;views\n2022-01-03;5.5\n', { decimal: '.' }).views).toEqual([5.5]);
    expect(parseHistoryCsv('date,views\n2022-01-03,"5,5"\n', { decimal: ',' }).views).toEqual([5.5]);
    expect(caught(() => parseHistoryCsv('date,views\n', { separator: '|' as never }), ParameterError).field).toBe('options.separator');
    expect(caught(() => parseHistoryCsv('date,views\n', { decimal: ';' as never }), ParameterError).field).toBe('options.decimal');
  });

  it('the common exports’ headers by default, and a mapping of your own', () => {
    const studio = parseHistoryCsv('Date,Video views,Likes,Comments,Shares,Profile views\n2024-03-04,1200,80,9,4,33\n2024-03-05,900,50,2,1,20\n');
    expect(studio.views).toEqual([1200, 900]);
    const mine = parseHistoryCsv('Tag,Videos hochgeladen,Aufrufe\n2024-03-04,2,1200\n', { columns: { date: 'Tag', posts: 'Videos hochgeladen', views: 'Aufrufe' } });
    expect(mine.views).toEqual([1200]);
    expect(mine.activity.spec.loggedPosts).toEqual([{ day: 0, count: 2 }]);
    expect(caught(() => parseHistoryCsv('date,views\n', { columns: { clicks: 'x' } as never }), ParameterError).field).toBe('options.columns.clicks');
    expect(caught(() => parseHistoryCsv('date,views\n', { columns: { views: '' } }), ParameterError).field).toBe('options.columns.views');
  });
});
