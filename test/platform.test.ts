import { describe, expect, it } from 'vitest';
import { ParameterError, schedule, simulate, simulatePlatform } from 'relationship-equity';
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
});
