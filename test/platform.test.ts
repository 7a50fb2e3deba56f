import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, DurationError, InputTypeError, ParameterError, schedule, simulate, simulatePlatform } from 'relationship-equity';
import { caught, expectClose } from './helpers.js';

const ACTIVE = 547.875;
const END = 791.375;
const away = schedule.reference().pause({ from: '18 months', for: '8 months' });
const endDay = Math.floor(END);

describe('simulatePlatform', () => {
  it('an account alone on the platform has the equity of a lone simulation and all the traffic', () => {
    const platform = simulatePlatform({ horizon: 400, accounts: [{ name: 'solo' }], traffic: 500 });
    const solo = simulate({ horizon: 400 });
    const a = platform.account('solo');
    a.equity.forEach((e, i) => expectClose(e, solo.equity[i]!, 1e-12));
    expect(a.share.slice(1).every((s) => s === 1)).toBe(true);
    expect(a.reach[200]).toBe(500);
  });

  it('shares always sum to 1 among the accounts present', () => {
    const platform = simulatePlatform({
      horizon: 900,
      accounts: [{ name: 'a' }, { name: 'b', activity: schedule.daily(1) }, { name: 'c', joins: 300 }],
    });
    for (const i of [10, 299, 300, 301, 700]) {
      const total = platform.accounts.reduce((s, a) => s + a.share[i]!, 0);
      expectClose(total, 1, 1e-12);
    }
    expect(platform.account('c').equity[299]).toBe(0);
  });

  it('when one account goes quiet, its traffic is reallocated to those still there', () => {
    const horizon = '30 months';
    const withAbsence = simulatePlatform({ horizon, accounts: [{ name: 'us', activity: away }, { name: 'rival' }] });
    const without = simulatePlatform({ horizon, accounts: [{ name: 'us' }, { name: 'rival' }] });
    expect(withAbsence.account('rival').reach[endDay]!).toBeGreaterThan(1.2 * without.account('rival').reach[endDay]!);
    expect(withAbsence.account('us').share[endDay]!).toBeLessThan(0.4);
  });

  it('C5 with competitors: at the end of the absence we are ahead of every newcomer who joined during it', () => {
    const newcomers = Array.from({ length: 25 }, (_, k) => ({ name: `new ${k}`, joins: Math.ceil(ACTIVE) + 10 * k }));
    const platform = simulatePlatform({ horizon: endDay, accounts: [{ name: 'us', activity: away }, ...newcomers] });
    const us = platform.account('us');
    for (const n of newcomers) {
      const them = platform.account(n.name);
      expect(us.equity[endDay]!).toBeGreaterThan(them.equity[endDay]!);
      expect(us.share[endDay]!).toBeGreaterThan(them.share[endDay]!);
    }
  });

  it('C9 with competitors, threshold rule: invited before the absence, not by its end; the twin stays invited', () => {
    const platform = simulatePlatform({
      horizon: endDay,
      accounts: [{ name: 'us', activity: away }, { name: 'twin' }, { name: 'newcomer', joins: '19 months' }],
    });
    const us = platform.account('us');
    const twin = platform.account('twin');
    expect(us.invited[Math.floor(ACTIVE) - 1]).toBe(1);
    expect(us.invited[endDay]).toBe(0);
    for (let i = Math.ceil(ACTIVE); i <= endDay; i++) expect(twin.invited[i]).toBe(1);
  });

  it('C9 with competitors, top-2 rule: we drop out of the top while away; the twin never does', () => {
    const platform = simulatePlatform({
      horizon: endDay,
      accounts: [{ name: 'us', activity: away }, { name: 'twin' }, { name: 'newcomer', joins: '19 months' }],
      invitations: { rule: 'top', count: 2 },
    });
    const us = platform.account('us');
    const twin = platform.account('twin');
    expect(us.invited[Math.floor(ACTIVE) - 1]).toBe(1);
    expect(us.invited[endDay]).toBe(0);
    for (let i = 40; i <= endDay; i++) expect(twin.invited[i]).toBe(1);
  });

  it('interest follows each account’s own share of the traffic through the lag', () => {
    const platform = simulatePlatform({ horizon: '3 years', accounts: [{ name: 'us', activity: away }, { name: 'rival' }] });
    const us = platform.account('us');
    // interest trails reach: it is still rising when the absence ends, and falls later
    expect(us.interest[endDay]!).toBeGreaterThan(us.interest[Math.floor(ACTIVE)]!);
    expect(us.interest[1090]!).toBeLessThan(platform.account('rival').interest[1090]!);
  });

  it.each([
    [{ accounts: [] }, 'accounts'],
    [{ accounts: [{ name: 'a' }, { name: 'a' }] }, 'accounts[1].name'],
    [{ accounts: [{ name: 'a', joins: '10 years' }] }, 'accounts[0].joins'],
    [{ accounts: [{ name: 'a' }], invitations: { rule: 'vip' } }, 'invitations.rule'],
    [{ accounts: [{ name: 'a' }], invitations: { rule: 'top', count: 0 } }, 'invitations.count'],
    [{ accounts: [{ name: 'a' }], traffic: -5 }, 'traffic'],
  ])('rejects %j naming %s', (extra, field) => {
    expect(caught(() => simulatePlatform({ horizon: '1 year', ...extra } as never), ParameterError).field).toBe(field);
  });

  it('a newcomer runs as a lone account started at its age on the platform, and the traffic is 1000 by default', () => {
    const platform = simulatePlatform({ horizon: 400, accounts: [{ name: 'first' }, { name: 'late', joins: 150, activity: schedule.daily(1) }] });
    const late = platform.account('late');
    const alone = simulate({ horizon: 250, activity: schedule.daily(1), start: 150 });
    expect(late.joinedAt).toBe(150);
    for (const k of [0, 1, 50, 250]) expect(late.equity[150 + k]).toBe(alone.equity[k]);
    expect(late.equity[149]).toBe(0);
    expect(late.invited[149]).toBe(0);
    const total = platform.accounts.reduce((sum, a) => sum + a.reach[300]!, 0);
    expectClose(total, 1000, 1e-9);
  });

  it('runs on the step it is given, rounding the number of steps up', () => {
    const platform = simulatePlatform({ horizon: 9, step: 2, accounts: [{ name: 'a' }] });
    expect(Array.from(platform.days)).toEqual([0, 2, 4, 6, 8, 10]);
    const lone = simulate({ horizon: 9, step: 2 });
    expect(Array.from(platform.account('a').equity)).toEqual(Array.from(lone.equity));
  });

  it('invites by each rule from the agendas of the accounts present', () => {
    const accounts = [
      { name: 'busy', activity: schedule.daily(1).withEvents({ every: '1 week' }) },
      { name: 'usual' },
      { name: 'quiet', activity: schedule.weekly(1).withEvents({ every: '3 months' }) },
      { name: 'late', joins: 200 },
    ];
    const check = (invitations: Parameters<typeof simulatePlatform>[0]['invitations'], invited: (agendas: number[], j: number) => boolean): void => {
      const platform = simulatePlatform({ horizon: 400, accounts, ...(invitations === undefined ? {} : { invitations }) });
      for (let i = 0; i <= 400; i += 7) {
        const agendas = platform.accounts.map((a) => (i < a.joinedAt ? -1 : a.agenda[i]!));
        platform.accounts.forEach((a, j) => expect(a.invited[i], `${a.name} on day ${i}`).toBe(i >= a.joinedAt && invited(agendas, j) ? 1 : 0));
      }
    };
    check(undefined, (agendas, j) => agendas[j]! >= DEFAULT_PARAMETERS.invitationThreshold);
    check({ rule: 'top', count: 2 }, (agendas, j) => agendas[j]! > 0 && agendas[j]! >= [...agendas].sort((a, b) => b - a)[1]!);
    check({ rule: 'top', count: 9 }, (agendas, j) => agendas[j]! > 0);
    check({ rule: 'share', minimum: 0.3 }, (agendas, j) => {
      const total = agendas.filter((a) => a >= 0).reduce((sum, a) => sum + a, 0);
      return total > 0 && agendas[j]! / total >= 0.3;
    });
  });

  it('says which accounts there are when asked for another', () => {
    const platform = simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }, { name: 'b' }] });
    expect(() => platform.account('c')).toThrow('`name` must be one of a, b, got "c"');
  });

  it.each([
    ['options not an object', () => simulatePlatform(5 as never), InputTypeError, 'options'],
    ['an unknown option', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], trafic: 5 } as never), ParameterError, 'options.trafic'],
    ['accounts not an array', () => simulatePlatform({ horizon: 10, accounts: 'a' as never }), ParameterError, 'accounts'],
    ['a horizon of 0', () => simulatePlatform({ horizon: 0, accounts: [{ name: 'a' }] }), ParameterError, 'horizon'],
    ['a step of 0', () => simulatePlatform({ horizon: 10, step: 0, accounts: [{ name: 'a' }] }), ParameterError, 'step'],
    ['a step longer than the horizon', () => simulatePlatform({ horizon: 10, step: 11, accounts: [{ name: 'a' }] }), ParameterError, 'step'],
    ['an unreadable step', () => simulatePlatform({ horizon: 10, step: 'daily', accounts: [{ name: 'a' }] }), DurationError, 'step'],
    ['bad parameters', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], parameters: { activeDecay: -1 } }), ParameterError, 'parameters.activeDecay'],
    ['an account not an object', () => simulatePlatform({ horizon: 10, accounts: ['a' as never] }), InputTypeError, 'accounts[0]'],
    ['an unknown account key', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a', posts: 1 } as never] }), ParameterError, 'accounts[0].posts'],
    ['an empty name', () => simulatePlatform({ horizon: 10, accounts: [{ name: '' }] }), InputTypeError, 'accounts[0].name'],
    ['a name not a string', () => simulatePlatform({ horizon: 10, accounts: [{ name: 3 as never }] }), InputTypeError, 'accounts[0].name'],
    ['an activity not a schedule', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a', activity: 'daily' as never }] }), ParameterError, 'accounts[0].activity'],
    ['an unreadable join', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a', joins: 'soon' }] }), DurationError, 'accounts[0].joins'],
    ['invitations not an object', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: 'top' as never }), InputTypeError, 'invitations'],
    ['a threshold rule with a count', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'threshold', count: 2 } as never }), ParameterError, 'invitations.count'],
    ['a top rule with a minimum', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'top', count: 1, minimum: 2 } as never }), ParameterError, 'invitations.minimum'],
    ['a share of 0', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'share', minimum: 0 } }), ParameterError, 'invitations.minimum'],
    ['a share above 1', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'share', minimum: 1.5 } }), ParameterError, 'invitations.minimum'],
    ['a share not a number', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'share', minimum: 'half' as never } }), InputTypeError, 'invitations.minimum'],
    ['a share rule with a count', () => simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }], invitations: { rule: 'share', minimum: 0.5, count: 1 } as never }), ParameterError, 'invitations.count'],
  ] as const)('names the field: %s', (_, call, kind, field) => {
    expect((caught(call, kind as never) as ParameterError).field).toBe(field);
  });

  it('a share of exactly 1 and joining on the last day are allowed', () => {
    const platform = simulatePlatform({ horizon: 10, accounts: [{ name: 'a' }, { name: 'b', joins: 10 }], invitations: { rule: 'share', minimum: 1 } });
    expect(platform.account('b').joinedAt).toBe(10);
    expect(() => simulatePlatform({ horizon: 10, accounts: [{ name: 'a', joins: 10.6 }] })).toThrow('`accounts[0].joins` must be within the horizon (10 days), got 10.6');
  });
});
