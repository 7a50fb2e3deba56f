import { describe, expect, it } from 'vitest';
import {
  CHANNEL_PRESETS,
  InputTypeError,
  ParameterError,
  allocate,
  channel,
  simulateChannel,
  type Channel,
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
