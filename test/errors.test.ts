import { allowedOf } from '../src/core/errors.js';
import { describe, expect, it } from 'vitest';
import { DurationError, InputTypeError, ParameterError } from 'relationship-equity';

describe('errors', () => {
  it('ParameterError is a RangeError carrying the field and the value', () => {
    const error = new ParameterError('parameters.activeDecay', -1, 'a finite number ≥ 0');
    expect(error).toBeInstanceOf(RangeError);
    expect(error.name).toBe('ParameterError');
    expect(error.field).toBe('parameters.activeDecay');
    expect(error.value).toBe(-1);
    expect(error.message).toBe('`parameters.activeDecay` must be a finite number ≥ 0, got -1');
  });

  it('DurationError is a ParameterError', () => {
    const error = new DurationError('horizon', '8 parsecs', 'a time');
    expect(error).toBeInstanceOf(ParameterError);
    expect(error.name).toBe('DurationError');
    expect(error.message).toBe('`horizon` must be a time, got "8 parsecs"');
  });

  it('InputTypeError is a TypeError carrying the field and the value', () => {
    const error = new InputTypeError('postsPerWeek', 'often', 'a number');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.field).toBe('postsPerWeek');
    expect(error.message).toBe('`postsPerWeek` must be a number, got "often"');
  });

  it('shortens a long value in the message', () => {
    const error = new ParameterError('x', { list: new Array(100).fill(1) }, 'short');
    expect(error.message.length).toBeLessThan(140);
  });
});

describe('how an error message shows the value it got', () => {
  const shown = (value: unknown) => new ParameterError('x', value, 'fine').message.replace('`x` must be fine, got ', '');
  it.each([
    ['text', 'hello', '"hello"'],
    ['a number', 1.5, '1.5'],
    ['NaN', NaN, 'NaN'],
    ['a bigint', 12n, '12'],
    ['a boolean', false, 'false'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a function', () => 1, 'a function'],
    ['a short object', { a: 1 }, '{"a":1}'],
    ['an array', [1, 2], '[1,2]'],
  ])('%s', (_what, value, expected) => {
    expect(shown(value)).toBe(expected);
  });

  it('cuts a long value to 80 characters ending in ...', () => {
    const text = shown({ list: new Array(100).fill(1) });
    expect(text.length).toBe(80);
    expect(text.endsWith('...')).toBe(true);
    expect(shown({ list: new Array(30).fill(1) }).length).toBeLessThanOrEqual(80);
  });

  it('keeps a value of exactly 80 characters whole, and cuts a long string, saying how long it was', () => {
    const exactly80 = { k: 'x'.repeat(72) }; // {"k":"…"} is 8 characters around the 72
    expect(JSON.stringify(exactly80).length).toBe(80);
    expect(shown(exactly80)).toBe(JSON.stringify(exactly80));
    const path = `/exports/${'tiktok-'.repeat(20)}views.csv`;
    expect(shown(path)).toBe(`${JSON.stringify(path.slice(0, 77))}… (${path.length} characters)`);
  });

  it('describes a 5 MB value in a short message', () => {
    const huge = { name: 'n'.repeat(5_000_000), rows: Array.from({ length: 200_000 }, (_, i) => ({ i })) };
    const error = new ParameterError('options', huge, 'small');
    expect(error.message.length).toBeLessThan(200);
    expect(new ParameterError('name', 'x'.repeat(5_000_000), 'short').message.length).toBeLessThan(200);
  });

  it('shows a circular value without looping', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(shown(circular)).toBe('{"self":"[circular]"}');
  });

  it('each error class has its own name and keeps field and value', () => {
    const d = new DurationError('f', 1, 'ok');
    const t = new InputTypeError('g', 2, 'ok');
    expect([d.name, t.name]).toEqual(['DurationError', 'InputTypeError']);
    expect([d.field, d.value, t.field, t.value]).toEqual(['f', 1, 'g', 2]);
    expect(t.message).toBe('`g` must be ok, got 2');
  });
});

describe('allowedOf', () => {
  it('gives back what an error said was allowed, whatever the value', () => {
    for (const value of [-1, 'x, got y', { a: [1, 2] }, undefined, null, 'a'.repeat(200)]) {
      expect(allowedOf(new ParameterError('rows[3].posts', value, 'a number ≥ 0, or empty'))).toBe('a number ≥ 0, or empty');
      expect(allowedOf(new InputTypeError('day', value, 'an object'))).toBe('an object');
    }
  });
});
