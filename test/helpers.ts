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

/**
 * Assert that an error of the library reads "`field` must be <what is allowed>, got <value>",
 * with something said about what is allowed.
 */
export function expectReadableMessage(error: unknown): void {
  if (error !== null && typeof error === 'object' && 'field' in error) {
    const { field, message } = error as { field: string; message: string };
    expect(message.startsWith(`\`${field}\` must be `), message).toBe(true);
    expect(message, message).toMatch(/ must be [^\s,].*, got /s);
  }
}

/** Call `fn`, expect it to throw an instance of `kind` with a readable message, and return the error for further checks. */
export function caught<E extends Error>(fn: () => unknown, kind: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    expectReadableMessage(error);
    return error as E;
  }
  return expect.fail('expected an error, none was thrown');
}

/** Ordinary least squares of y on x with an intercept: the slope, its standard error, the means and the residual sum of squares. */
export function simpleRegression(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; se: number; mx: number; my: number; rss: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let j = 0; j < n; j++) {
    mx += x[j]! / n;
    my += y[j]! / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < n; j++) {
    sxx += (x[j]! - mx) ** 2;
    sxy += (x[j]! - mx) * (y[j]! - my);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let j = 0; j < n; j++) rss += (y[j]! - my - slope * (x[j]! - mx)) ** 2;
  return { slope, se: Math.sqrt(rss / (n - 2) / sxx), mx, my, rss };
}
