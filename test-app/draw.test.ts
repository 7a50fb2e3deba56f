import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { charts } from '../src/charts.js';
import { answersFor } from '../app/src/answers.js';
import { SEED_PLAN, type Plan } from '../app/src/plan.js';
import { replaceData, splitSpec } from '../app/src/draw.js';

const specOf = (plan: Plan) => {
  const a = answersFor(plan);
  return (a.cost ? charts.absence(a.cost, { width: 600, height: 130 }) : charts.timeline(a.run!, { width: 600, height: 130 })) as Record<string, unknown>;
};
const viewOf = async (spec: Record<string, unknown>) => {
  const view = new vega.View(vega.parse(vegaLite.compile(spec as never).spec), { renderer: 'none' });
  await view.runAsync();
  return view;
};
const withData = (split: ReturnType<typeof splitSpec>) => ({ ...split.skeleton, datasets: split.datasets });

describe("the page's drawing", () => {
  it('takes every inline data set out of the spec under its own name, and the title with it', () => {
    const spec = specOf(SEED_PLAN);
    const split = splitSpec(spec);
    expect(Object.keys(split.datasets)).toEqual(['data-0', 'data-1']);
    expect(split.datasets['data-0']).toBe((spec.data as { values: unknown[] }).values);
    expect(split.title).toBe('An absence of 8 months after 18 months active');
    expect(split.subtitle).toMatch(/^equity 30% lower by the return/);
    expect(split.key).not.toMatch(/"values"|"title":\{"text"/);
  });

  it('gives two plans of the same kind one key, and a plan without an absence another', () => {
    const seed = splitSpec(specOf(SEED_PLAN));
    expect(splitSpec(specOf({ ...SEED_PLAN, absenceLength: 12, absenceStart: 24, horizonYears: 7 })).key).toBe(seed.key);
    expect(splitSpec(specOf({ ...SEED_PLAN, absenceLength: 0 })).key).not.toBe(seed.key);
  });

  it("draws, by replacing a live view's data, the same picture as a new view of the new spec", async () => {
    const before = splitSpec(specOf(SEED_PLAN));
    const after = splitSpec(specOf({ ...SEED_PLAN, absenceLength: 12, postsPerWeek: 4 }));
    const live = await viewOf(withData(before));
    const firstPicture = await live.toSVG();
    await replaceData(live, after.datasets);
    const fresh = await viewOf(withData(after));
    const [updated, expected] = [await live.toSVG(), await fresh.toSVG()];
    expect(updated === expected, 'the updated picture differs from a fresh one').toBe(true);
    expect(await live.toSVG()).not.toBe(firstPicture);
    live.finalize();
    fresh.finalize();
  });

  it('reads a plain-text title and a spec without one', () => {
    expect(splitSpec({ title: 'Reach', mark: 'point' })).toMatchObject({ title: 'Reach', subtitle: '' });
    expect(splitSpec({ mark: 'point', data: { values: [{ a: 1 }] } })).toMatchObject({ title: '', subtitle: '', datasets: { 'data-0': [{ a: 1 }] } });
  });
});
