import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_PRESETS,
  InputTypeError,
  ParameterError,
  allocate,
  channel,
  simulateChannel,
  type Channel,
  DurationError,
  resolveParameters,
  respond,
  schedule,
  simulate,
} from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

/** A channel with a concave response (Michaelis–Menten), so splitting effort has a known optimum. */
const concave = (name: string, changes: Partial<Channel> = {}): Channel =>
  channel({
    name,
    launched: '2010-01-01',
    parameters: { response: { kind: 'michaelis-menten', alpha: 1, lambda: 0.5 }, earlyBonus: 0 },
    failureProbability: 0,
    eventsPerMonth: 0,
    hoursPerPost: 1,
    notes: 'test channel',
    ...changes,
  });

describe('channel presets', () => {
  it('name the seed’s channels, each with its assumptions written down', () => {
    expect(Object.keys(CHANNEL_PRESETS).sort()).toEqual(
      ['instagram-reels', 'likee', 'linkedin', 'podcasts', 'tiktok', 'xiaohongshu', 'youtube-shorts'].sort(),
    );
    for (const c of Object.values(CHANNEL_PRESETS)) {
      expect(c.notes.length).toBeGreaterThan(20);
      expect(c.failureProbability).toBeGreaterThanOrEqual(0);
      expect(c.failureProbability).toBeLessThanOrEqual(1);
      expect(Object.isFrozen(c)).toBe(true);
      expect(() => channel(c)).not.toThrow();
    }
  });

  it('adjust by merging changes, parameters field by field', () => {
    const c = channel('podcasts', { failureProbability: 0.1, parameters: { neglectDecay: 0.003 } });
    expect(c.failureProbability).toBe(0.1);
    expect(c.parameters.neglectDecay).toBe(0.003);
    expect(c.parameters.response).toEqual(CHANNEL_PRESETS.podcasts.parameters.response);
    expect(CHANNEL_PRESETS.podcasts.failureProbability).toBe(0.4);
  });

  it('a younger platform gives more for the same effort (its early bonus)', () => {
    const young = simulateChannel(channel('tiktok', { launched: '2022-01-01' }), 7, { horizon: '1 year' });
    const old = simulateChannel(channel('tiktok', { launched: '2012-01-01' }), 7, { horizon: '1 year' });
    expect(young.final.equity).toBeGreaterThan(old.final.equity);
  });

  it.each([
    [() => channel('myspace' as never), 'channel'],
    [() => channel('tiktok', { failureProbability: 1.5 }), 'channel.failureProbability'],
    [() => channel('tiktok', { colour: 'red' } as never), 'channel.colour'],
    [() => channel('tiktok', { launched: '2017-13-01' }), 'channel.launched'],
    [() => channel('tiktok', { parameters: { activeDecay: -1 } }), 'parameters.activeDecay'],
  ])('rejects bad input (%#) naming %s', (fn, field) => {
    expect(caught(fn, ParameterError).field).toBe(field);
  });
});

describe('allocate', () => {
  it('splits evenly between two identical channels with diminishing returns (the known optimum)', () => {
    const plan = allocate({ channels: [concave('a'), concave('b')], budget: 14, horizon: '1 year', increments: 14 });
    expect(plan.shares.map((s) => s.postsPerWeek)).toEqual([7, 7]);
    expect(plan.method).toBe('exact');
    for (const single of plan.singleChannel) expect(plan.value).toBeGreaterThan(single.value);
  });

  it('matches an exhaustive search over the grid for the expected objective', () => {
    const channels = [concave('a'), concave('b', { failureProbability: 0.3 }), concave('c', { parameters: { interestPerReach: 1.4 } })];
    const plan = allocate({ channels, budget: 6, horizon: '1 year', increments: 6 });
    let best = -Infinity;
    for (let a = 0; a <= 6; a++) {
      for (let b = 0; a + b <= 6; b++) {
        const c = 6 - a - b;
        const v = [a, b, c].reduce((s, k, i) => {
          if (k === 0) return s;
          const run = simulateChannel(channels[i]!, k, { horizon: '1 year' });
          return s + (1 - channels[i]!.failureProbability) * run.interest[run.interest.length - 1]!;
        }, 0);
        best = Math.max(best, v);
      }
    }
    expectClose(plan.value, best, 1e-9);
  });

  it('puts nothing into a channel that almost surely fails', () => {
    const plan = allocate({ channels: [concave('safe'), concave('doomed', { failureProbability: 0.99 })], budget: 7, horizon: '1 year', increments: 7 });
    expect(plan.shares[1]!.postsPerWeek).toBeLessThan(plan.shares[0]!.postsPerWeek);
  });

  it('a risk-aware objective moves effort from a risky, rewarding channel to a safe one', () => {
    const channels = [concave('risky', { failureProbability: 0.5, parameters: { interestPerReach: 3 } }), concave('safe')];
    const expected = allocate({ channels, budget: 10, horizon: '1 year', increments: 10 });
    const cautious = allocate({ channels, budget: 10, horizon: '1 year', increments: 10, objective: { kind: 'quantile', level: 0.25 } });
    expect(cautious.shares[1]!.postsPerWeek).toBeGreaterThan(expected.shares[1]!.postsPerWeek);
    expect(cautious.expected).toBeLessThanOrEqual(expected.expected);
  });

  it('spends an hours budget according to each channel’s hours per post', () => {
    const plan = allocate({ channels: [concave('video', { hoursPerPost: 2 })], budget: 10, unit: 'hours', horizon: '1 year', increments: 5 });
    expect(plan.shares[0]!.budget).toBe(10);
    expect(plan.shares[0]!.postsPerWeek).toBe(5);
  });

  it('works with the presets and stays within the budget', () => {
    const plan = allocate({ channels: ['tiktok', 'youtube-shorts', 'linkedin'], budget: 10, horizon: '2 years' });
    expectClose(plan.shares.reduce((s, x) => s + x.budget, 0), 10, 1e-12);
  });

  it.each([
    [{ budget: -1 }, 'budget'],
    [{ channels: [] }, 'channels'],
    [{ channels: ['tiktok', 'tiktok'] }, 'channels[1].name'],
    [{ channels: ['snapchat'] }, 'channels[0]'],
    [{ objective: { kind: 'quantile', level: 1 } }, 'objective.level'],
    [{ objective: { kind: 'best' } }, 'objective.kind'],
    [{ increments: 0 }, 'increments'],
  ])('rejects %j naming %s', (extra, field) => {
    const error = caught(() => allocate({ channels: ['tiktok'], budget: 7, horizon: '1 year', ...extra } as never), ParameterError);
    expect(error.field).toBe(field);
  });

  it('rejects a budget that is not a number', () => {
    caught(() => allocate({ channels: ['tiktok'], budget: 'lots' as never, horizon: '1 year' }), InputTypeError);
  });
});

describe('channels in detail', () => {
  const endInterest = (c: Channel, posts: number, horizon: string | number = '1 year'): number => {
    if (posts === 0) return 0;
    const run = simulateChannel(c, posts, { horizon });
    return run.interest[run.interest.length - 1]!;
  };

  it('simulateChannel: weekly posts with the channel’s events, each mid-interval, from the platform’s age on the start date', () => {
    const c = channel('tiktok', { eventsPerMonth: 2, launched: '2020-07-01' });
    const run = simulateChannel(c, 3, { horizon: 100, startDate: '2021-07-01' });
    const every = 30.4375 / 2;
    const same = simulate({ horizon: 100, activity: schedule.weekly(3).withEvents({ every, from: every / 2 }), parameters: c.parameters, start: 365 });
    expect(Array.from(run.equity)).toEqual(Array.from(same.equity));
    expect(run.final.sinceLaunch).toBe(465);
    // no posts: no events joined either; a platform launched after the start date starts from its launch
    const idle = simulateChannel(c, 0, { horizon: 100 });
    expect(idle.final.equity).toBe(0);
    // each event takes a post: at a post a month, one event a month, not the channel's two
    const monthly = simulateChannel(c, 7 / 30.4375, { horizon: 100, startDate: '2021-07-01' });
    const oneEvent = simulate({ horizon: 100, activity: schedule.weekly(7 / 30.4375).withEvents({ every: 30.4375, from: 30.4375 / 2 }), parameters: c.parameters, start: 365 });
    expect(monthly.final.equity).toBe(oneEvent.final.equity);
    // and a sliver of posting is worth a sliver: the channel's value is continuous at 0
    expect(simulateChannel(c, 1e-9, { horizon: '2 years' }).final.equity).toBeLessThan(1e-6);
    const future = simulateChannel(channel('tiktok', { launched: '2030-01-01' }), 3, { horizon: 10 });
    expect(future.final.sinceLaunch).toBe(10);
  });

  it.each([
    ['negative posts', () => simulateChannel(CHANNEL_PRESETS.tiktok, -1, { horizon: 10 }), ParameterError, 'postsPerWeek'],
    ['options not an object', () => simulateChannel(CHANNEL_PRESETS.tiktok, 1, 10 as never), InputTypeError, 'options'],
    ['an unknown option', () => simulateChannel(CHANNEL_PRESETS.tiktok, 1, { horizon: 10, start: 1 } as never), ParameterError, 'options.start'],
    ['a start date not a date', () => simulateChannel(CHANNEL_PRESETS.tiktok, 1, { horizon: 10, startDate: 'July' }), ParameterError, 'options.startDate'],
    ['a preset that is not one', () => channel('toString' as never), ParameterError, 'channel'],
    ['a preset named __proto__', () => channel('__proto__' as never), ParameterError, 'channel'],
    ['changes not an object', () => channel('tiktok', 5 as never), InputTypeError, 'channel'],
    ['a base object with an unknown key', () => channel({ ...CHANNEL_PRESETS.tiktok, colour: 'red' } as never), ParameterError, 'channel.colour'],
    ['an empty name', () => channel('tiktok', { name: '' }), ParameterError, 'channel.name'],
    ['a launch date not a string', () => channel('tiktok', { launched: 2017 as never }), InputTypeError, 'channel.launched'],
    ['a launch date without leading zeros', () => channel('tiktok', { launched: '2017-9-1' }), ParameterError, 'channel.launched'],
    ['negative events', () => channel('tiktok', { eventsPerMonth: -1 }), ParameterError, 'channel.eventsPerMonth'],
    ['no hours per post', () => channel('tiktok', { hoursPerPost: 0 }), ParameterError, 'channel.hoursPerPost'],
    ['a channel in a list', () => allocate({ channels: ['tiktok', { ...CHANNEL_PRESETS.likee, failureProbability: 2 }], budget: 7, horizon: 10 }), ParameterError, 'channels[1].failureProbability'],
    ['allocate options not an object', () => allocate(5 as never), InputTypeError, 'options'],
    ['an unknown allocate option', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, budgets: 1 } as never), ParameterError, 'options.budgets'],
    ['channels not an array', () => allocate({ channels: 'tiktok' as never, budget: 7, horizon: 10 }), ParameterError, 'channels'],
    ['a unit of minutes', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, unit: 'minutes' as never }), ParameterError, 'unit'],
    ['a measure of peak', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, measure: 'peak' as never }), ParameterError, 'measure'],
    ['an objective not an object', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, objective: 'expected' as never }), InputTypeError, 'objective'],
    ['a level of 0', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, objective: { kind: 'quantile', level: 0 } }), ParameterError, 'objective.level'],
    ['a level not a number', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, objective: { kind: 'quantile', level: NaN } }), ParameterError, 'objective.level'],
    ['fractional increments', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, increments: 2.5 }), ParameterError, 'increments'],
    ['too many increments', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 10, increments: 1001 }), ParameterError, 'increments'],
    ['an unreadable horizon', () => allocate({ channels: ['tiktok'], budget: 7, horizon: 'a while' }), DurationError, 'horizon'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('channel(): a channel object without notes gets none; the field prefix names the place in a list', () => {
    const { notes: _notes, ...bare } = CHANNEL_PRESETS.linkedin;
    expect(channel(bare as Channel).notes).toBe('');
    expect(channel('tiktok', {}, 'mine').name).toBe('tiktok');
    expect(caught(() => channel('tiktok', { hoursPerPost: -1 }, 'mine'), ParameterError).field).toBe('mine.hoursPerPost');
    expect(() => channel('myspace' as never)).toThrow(/^`channel` must be one of the presets tiktok, xiaohongshu, likee, youtube-shorts, instagram-reels, podcasts, linkedin, or a channel object/);
    expect(() => channel('tiktok', { launched: '2017-9-1' })).toThrow("`channel.launched` must be an ISO date such as '2022-07-01' (or a Date), got \"2017-9-1\"");
    expect(() => channel('tiktok', { launched: '2017-02-30' })).toThrow(ParameterError);
  });

  it('reports each share with its budget, posts, interest if it works and failure probability; the value of each channel alone', () => {
    const channels = [concave('a'), concave('b', { failureProbability: 0.2, hoursPerPost: 2 })];
    const plan = allocate({ channels, budget: 8, unit: 'hours', horizon: '1 year', increments: 4 });
    const [a, b] = plan.shares;
    expect(a!.budget + b!.budget).toBe(8);
    expect(a!.postsPerWeek).toBe(a!.budget);
    expect(b!.postsPerWeek).toBe(b!.budget / 2);
    expectClose(a!.interestIfItWorks, endInterest(channels[0]!, a!.postsPerWeek), 1e-12);
    expectClose(b!.interestIfItWorks, endInterest(channels[1]!, b!.postsPerWeek), 1e-12);
    expect(b!.failureProbability).toBe(0.2);
    expectClose(plan.expected, a!.interestIfItWorks + 0.8 * b!.interestIfItWorks, 1e-12);
    expect(plan.value).toBe(plan.expected);
    expectClose(plan.singleChannel[0]!.value, endInterest(channels[0]!, 8), 1e-12);
    expectClose(plan.singleChannel[1]!.value, 0.8 * endInterest(channels[1]!, 4), 1e-12);
  });

  it('measures the interest summed over the horizon when asked', () => {
    const c = concave('a');
    const plan = allocate({ channels: [c], budget: 3, horizon: 100, increments: 1, measure: 'total' });
    const run = simulateChannel(c, 3, { horizon: 100 });
    expectClose(plan.value, run.interest.reduce((s, x) => s + x * run.step, 0), 1e-9);
  });

  /** The lower `level` quantile of the total when channel c, worth values[c] if it works, fails with probability failures[c]: by enumerating who fails. */
  const lowerQuantileOfTotal = (values: readonly number[], failures: readonly number[], level: number): number => {
    let outcomes = [{ total: 0, p: 1 }];
    values.forEach((v, c) => {
      outcomes = outcomes.flatMap((o) => [
        { total: o.total, p: o.p * failures[c]! },
        { total: o.total + v, p: o.p * (1 - failures[c]!) },
      ]);
    });
    outcomes.sort((x, y) => x.total - y.total);
    let cumulative = 0;
    return outcomes.find((o) => (cumulative += o.p) >= level - 1e-12)!.total;
  };

  it('a quantile objective is the lower quantile of the total over which channels fail', () => {
    const channels = [concave('a', { failureProbability: 0.5 }), concave('b', { failureProbability: 0.2, parameters: { interestPerReach: 2 } })];
    for (const level of [0.05, 0.15, 0.5, 0.7, 0.95]) {
      const plan = allocate({ channels, budget: 6, horizon: '1 year', increments: 3, objective: { kind: 'quantile', level } });
      const failures = [0.5, 0.2];
      expect(plan.value, `level ${level}`).toBe(lowerQuantileOfTotal(plan.shares.map((s) => s.interestIfItWorks), failures, level));
      // and it is the best split on the grid for that objective
      for (let k = 0; k <= 3; k++) {
        const other = [endInterest(channels[0]!, 2 * k), endInterest(channels[1]!, 2 * (3 - k))];
        expect(plan.value + 1e-12).toBeGreaterThanOrEqual(lowerQuantileOfTotal(other, failures, level));
      }
    }
  });

  it('a shortfall objective is the mean interest over the worst level share of outcomes, and the best split for it', () => {
    const channels = [concave('a', { failureProbability: 0.5 }), concave('b', { failureProbability: 0.2, parameters: { interestPerReach: 2 } })];
    const failures = [0.5, 0.2];
    const shortfall = (values: readonly number[], level: number): number => {
      // outcomes: both fail 0.1, only b works 0.4, only a works 0.1, both work 0.4
      const outcomes = [
        { total: 0, p: 0.5 * 0.2 },
        { total: values[0]!, p: 0.5 * 0.2 },
        { total: values[1]!, p: 0.5 * 0.8 },
        { total: values[0]! + values[1]!, p: 0.5 * 0.8 },
      ].sort((x, y) => x.total - y.total);
      let left = level;
      let sum = 0;
      for (const o of outcomes) {
        const take = Math.min(left, o.p);
        sum += take * o.total;
        left -= take;
      }
      return sum / level;
    };
    for (const level of [0.05, 0.1, 0.3, 0.6, 0.95]) {
      const plan = allocate({ channels, budget: 6, horizon: '1 year', increments: 3, objective: { kind: 'shortfall', level } });
      expectClose(plan.value, shortfall(plan.shares.map((s) => s.interestIfItWorks), level), 1e-12);
      for (let k = 0; k <= 3; k++) {
        expect(plan.value + 1e-9).toBeGreaterThanOrEqual(shortfall([endInterest(channels[0]!, 2 * k), endInterest(channels[1]!, 2 * (3 - k))], level));
      }
      expect(failures.length).toBe(2);
    }
  });

  it('the shortfall optimum moves by at most one coarse increment when the increments double (it is concave in the split)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ fail: fc.double({ min: 0, max: 0.7, noNaN: true }), half: fc.double({ min: 0.1, max: 2, noNaN: true }), scale: fc.double({ min: 0.5, max: 3, noNaN: true }) }), { minLength: 2, maxLength: 4 }),
        (specs) => {
          const channels = specs.map((s, i) => concave(`c${i}`, { failureProbability: s.fail, parameters: { response: { kind: 'hill', halfSaturation: s.half, shape: 1.3 }, interestPerReach: s.scale, earlyBonus: 0 } }));
          const coarse = allocate({ channels, budget: 10, horizon: 200, increments: 10, objective: { kind: 'shortfall', level: 0.2 } });
          const fine = allocate({ channels, budget: 10, horizon: 200, increments: 20, objective: { kind: 'shortfall', level: 0.2 } });
          return coarse.shares.every((s, i) => Math.abs(s.budget - fine.shares[i]!.budget) <= 1 + 1e-9);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });

  it('presets do what their notes say', () => {
    const p = (name: keyof typeof CHANNEL_PRESETS) => resolveParameters(CHANNEL_PRESETS[name].parameters);
    const defaults = resolveParameters({});
    const lagMean = (x: typeof defaults) => (x.lag as { mean: number }).mean;
    expect(p('podcasts').earlyBonus).toBe(0); // "no early bonus"
    expect(lagMean(p('podcasts'))).toBeGreaterThan(lagMean(defaults)); // "listeners turn into clients slowly"
    const oneOverThree = (x: typeof defaults) => respond(1 / 7, x.response) / respond(3 / 7, x.response);
    expect(oneOverThree(p('podcasts'))).toBeGreaterThan(2 * oneOverThree(defaults)); // "about one episode a week saturates"
    expect(lagMean(p('linkedin'))).toBeLessThan(lagMean(defaults)); // "faster ... leads"
    expect(p('linkedin').interestPerReach).toBeGreaterThan(defaults.interestPerReach); // "more valuable leads"
    expect(p('linkedin').earlyBonus).toBe(0); // "a mature network"
    expect(p('likee').neglectDecay).toBeGreaterThan(defaults.neglectDecay); // "quick to forget an absent account"
    expect(p('instagram-reels').earlyBonus).toBeLessThan(defaults.earlyBonus); // "a smaller early bonus"
    expect(p('tiktok')).toEqual(defaults); // "the calibrated defaults"
    expect(CHANNEL_PRESETS['youtube-shorts'].eventsPerMonth).toBe(0); // "no platform events assumed"
  });

  it('local search ends where no move of one increment improves the objective', () => {
    const channels = [concave('a', { failureProbability: 0.3 }), concave('b', { failureProbability: 0.1 }), concave('c', { failureProbability: 0.5, parameters: { interestPerReach: 2 } })];
    const K = 700;
    const level = 0.3;
    const plan = allocate({ channels, budget: 7, horizon: 20, increments: K, objective: { kind: 'quantile', level } });
    expect(plan.method).toBe('local-search');
    const table = channels.map((c) => Array.from({ length: K + 1 }, (_, k) => endInterest(c, (k * 7) / K, 20)));
    const failures = channels.map((c) => c.failureProbability);
    const objective = (split: number[]): number => lowerQuantileOfTotal(split.map((k, c) => table[c]![k]!), failures, level);
    const split = plan.shares.map((s) => Math.round((s.budget * K) / 7));
    expect(split.reduce((x, y) => x + y, 0)).toBe(K);
    expectClose(objective(split), plan.value, 1e-12);
    for (let from = 0; from < 3; from++) {
      for (let to = 0; to < 3; to++) {
        if (from === to || split[from] === 0) continue;
        const next = [...split];
        next[from]!--;
        next[to]!++;
        expect(objective(next)).toBeLessThanOrEqual(plan.value + 1e-12);
      }
    }
    plan.shares.forEach((s, c) => expect(s.interestIfItWorks).toBe(table[c]![split[c]!]));
  });

  it('searches every split while there are at most 200,000, and locally beyond', () => {
    const channels = [concave('a', { failureProbability: 0.3 }), concave('b', { failureProbability: 0.1 }), concave('c', { failureProbability: 0.5, parameters: { interestPerReach: 2 } })];
    const objective = { kind: 'quantile', level: 0.3 } as const;
    expect(allocate({ channels, budget: 6, horizon: 20, increments: 600, objective }).method).toBe('exact');
    const local = allocate({ channels, budget: 6, horizon: 20, increments: 700, objective });
    expect(local.method).toBe('local-search');
    for (const single of local.singleChannel) expect(local.value).toBeGreaterThanOrEqual(single.value);
    expect(local.shares.reduce((s, x) => s + x.budget, 0)).toBeCloseTo(6, 12);
  });
});
