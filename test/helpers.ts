import { expect } from 'vitest';

/** Assert |actual − expected| ≤ tolerance · max(1, |expected|): one relative-or-absolute tolerance for every test. */
export function expectClose(actual: number, expected: number, tolerance = 1e-12): void {
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * scale);
}

/** Assert that no value of any series is NaN or infinite. */
export function expectAllFinite(series: Record<string, ArrayLike<number>>): void {
  for (const [name, values] of Object.entries(series)) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) expect.fail(`${name}[${i}] is ${values[i]}`);
    }
  }
}

/** Call `fn`, expect it to throw an instance of `kind`, and return the error for further checks. */
export function caught<E extends Error>(fn: () => unknown, kind: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as E;
  }
  return expect.fail('expected an error, none was thrown');
}
