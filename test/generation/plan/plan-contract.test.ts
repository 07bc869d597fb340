import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// Stages may import only src/core/, so the plan contract is kept in both stages that use it
// until it moves to src/core/test-plan.ts; a drift between the copies would go unnoticed.
describe('the test plan contract', () => {
  it('is the same in generation/plan and emit/plan', async () => {
    const generation = await readFile('src/core/test-plan.ts', 'utf8');
    const emit = await readFile('src/core/test-plan.ts', 'utf8');
    expect(emit).toBe(generation);
  });
});
