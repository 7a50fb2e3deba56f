import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ParameterError } from 'relationship-equity';
import { SOBOL_DIMENSIONS, sobolPoints } from '../src/numerics/sobol-sequence.js';
import { caught } from './helpers.js';

const reference = JSON.parse(readFileSync(new URL('./reference/sobol_points.json', import.meta.url), 'utf8')) as {
  dimensions: number;
  points: number[][];
  long: number[][];
  longEvery: number;
};

describe('sobolPoints', () => {
  it("gives SciPy's unscrambled Sobol points bit for bit, in every dimension it holds", () => {
    expect(SOBOL_DIMENSIONS).toBe(reference.dimensions);
    const points = sobolPoints(reference.points.length, SOBOL_DIMENSIONS, null);
    reference.points.forEach((row, i) => row.forEach((x, j) => expect(points[i * SOBOL_DIMENSIONS + j], `point ${i}, dimension ${j}`).toBe(x)));
  });

  it('stays right far into the sequence (1,024 points, every 37th checked)', () => {
    const points = sobolPoints(1024, 3, null);
    reference.long.forEach((row, k) => row.forEach((x, j) => expect(points[k * reference.longEvery * 3 + j]).toBe(x)));
  });

  it('with a shift: the same seed gives the same points, another seed others, all in [0, 1)', () => {
    const a = sobolPoints(64, 5, 'seed');
    expect(Array.from(sobolPoints(64, 5, 'seed'))).toEqual(Array.from(a));
    expect(Array.from(sobolPoints(64, 5, 'other'))).not.toEqual(Array.from(a));
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps its stratification under the shift: 2^k points put one in each of the 2^k equal intervals of every dimension', () => {
    for (const seed of [null, 'a', 'b', 7]) {
      const points = sobolPoints(255, 6, seed); // with the skipped zero point, points 1 … 255 and the shifted origin fill the 256 cells
      for (let j = 0; j < 6; j++) {
        const cells = new Set<number>();
        for (let i = 0; i < 255; i++) cells.add(Math.floor(points[i * 6 + j]! * 256));
        expect(cells.size, `dimension ${j}, seed ${String(seed)}`).toBe(255);
      }
    }
  });

  it('refuses more dimensions than it holds, and counts that are not whole', () => {
    expect(caught(() => sobolPoints(8, SOBOL_DIMENSIONS + 1, null), ParameterError).field).toBe('dimensions');
    expect(caught(() => sobolPoints(8, 0, null), ParameterError).field).toBe('dimensions');
    expect(caught(() => sobolPoints(2.5, 2, null), ParameterError).field).toBe('count');
  });
});
