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
