import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkClaims, DEFAULT_PARAMETERS } from 'relationship-equity';
import { withClaims } from '../examples/lib/claims-markdown.js';

const model = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');

describe('docs/model.md', () => {
  it('shows the claims table as the code measures it today (refresh with `npm run claims -- --write-docs`)', () => {
    expect(withClaims(model, checkClaims())).toBe(model);
  });

  it('lists every parameter in its table', () => {
    for (const field of Object.keys(DEFAULT_PARAMETERS)) expect(model).toContain(`| \`${field}\` |`);
  });
});
