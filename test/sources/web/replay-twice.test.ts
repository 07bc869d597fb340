import { describe, expect, it } from 'vitest';
import { replayProblems, replayTwice } from '../../../src/sources/web/replay-twice.ts';

interface Seen {
  signature: string;
  error?: string;
}

/** A replay answering each given outcome in turn, counting its calls. */
function scripted(...outcomes: Seen[]) {
  const replay = async () => outcomes.shift()!;
  return Object.assign(replay, { left: () => outcomes.length });
}

describe('two replays of a probe', () => {
  it('tries a replay that threw once more, alone, when the other got through', async () => {
    const first = scripted({ signature: 'removed' });
    const second = scripted(
      { signature: '', error: 'locator.click: Timeout 3000ms exceeded' },
      { signature: 'removed' },
    );
    const { outcomes, retried } = await replayTwice(first, second);
    expect(outcomes.map((outcome) => outcome.signature)).toEqual(['removed', 'removed']);
    expect(outcomes.some((outcome) => outcome.error)).toBe(false);
    expect(retried).toEqual(['locator.click: Timeout 3000ms exceeded']);
    expect(second.left()).toBe(0);
  });

  it('keeps the error when the second try throws too', async () => {
    const first = scripted(
      { signature: '', error: 'timed out' },
      { signature: '', error: 'timed out again' },
    );
    const second = scripted({ signature: 'removed' });
    const { outcomes, retried } = await replayTwice(first, second);
    expect(outcomes[0].error).toBe('timed out');
    expect(retried).toEqual([]);
  });

  it('does not try again when both threw: the flow fails, not the machine', async () => {
    const first = scripted({ signature: '', error: 'no dialog' }, { signature: 'removed' });
    const second = scripted({ signature: '', error: 'no dialog' }, { signature: 'removed' });
    const { outcomes } = await replayTwice(first, second);
    expect(outcomes.map((outcome) => outcome.error)).toEqual(['no dialog', 'no dialog']);
    expect(first.left() + second.left()).toBe(2);
  });

  it('tries both again, one after the other, when both timed out', async () => {
    const timedOut = { signature: '', error: 'locator.click: Timeout 3000ms exceeded.' };
    const first = scripted(timedOut, { signature: 'removed' });
    const second = scripted({ ...timedOut }, { signature: 'removed' });
    const { outcomes, retried } = await replayTwice(first, second);
    expect(outcomes.map((outcome) => outcome.signature)).toEqual(['removed', 'removed']);
    expect(outcomes.some((outcome) => outcome.error)).toBe(false);
    expect(retried).toHaveLength(2);
    expect(first.left() + second.left()).toBe(0);
  });

  it('tries the second of two timed-out replays again only once the first got through alone', async () => {
    const timedOut = { signature: '', error: 'locator.click: Timeout 3000ms exceeded.' };
    const first = scripted(timedOut, { ...timedOut });
    const second = scripted({ ...timedOut }, { signature: 'removed' });
    const { outcomes, retried } = await replayTwice(first, second);
    expect(outcomes.map((outcome) => outcome.error)).toEqual([timedOut.error, timedOut.error]);
    expect(retried).toEqual([]);
    expect(second.left()).toBe(1);
  });

  it('never tries again two replays that finished and disagree', async () => {
    const first = scripted({ signature: 'removed' }, { signature: 'removed' });
    const second = scripted({ signature: 'kept' }, { signature: 'removed' });
    const { outcomes, retried } = await replayTwice(first, second);
    expect(outcomes.map((outcome) => outcome.signature)).toEqual(['removed', 'kept']);
    expect(retried).toEqual([]);
  });

  it('reports the errors it ends with and a first try that got through alone', () => {
    expect(
      replayProblems(
        'own item of flow-1',
        [{ error: 'no confirm' }, {}],
        ['locator.click: Timeout 3000ms exceeded'],
      ),
    ).toEqual([
      'own item of flow-1: no confirm',
      'own item of flow-1: locator.click: Timeout 3000ms exceeded (got through when tried again alone)',
    ]);
  });
});
