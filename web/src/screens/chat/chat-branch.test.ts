import { describe, expect, it } from 'vitest';
import { chatBranch } from './chat-branch.ts';
import { message } from './chat-fixtures.ts';

// q1 → a1 (then regenerated: a1b) ; a1 → q2 → a2 ; system prompt at the root is not shown.
const tree = [
  message('sys', null, 'system'),
  message('q1', 'sys', 'user'),
  message('a1', 'q1', 'assistant'),
  message('q2', 'a1', 'user'),
  message('a2', 'q2', 'assistant'),
  message('a1b', 'q1', 'assistant'),
];

describe('chatBranch', () => {
  it('shows the branch of the newest message, with the answers to the same question', () => {
    expect(chatBranch(tree).map((turn) => [turn.id, turn.siblings])).toEqual([
      ['q1', ['q1']],
      ['a1b', ['a1', 'a1b']],
    ]);
  });

  it('follows a chosen answer down to its newest descendant', () => {
    expect(chatBranch(tree, 'a1').map((turn) => turn.id)).toEqual(['q1', 'a1', 'q2', 'a2']);
  });

  it('names the tasks a reply started and shows a failed reply by its error', () => {
    const started = {
      ...message('a3', 'q1', 'assistant', 'Started.'),
      tool_calls: [
        {
          id: 't',
          name: 'generate_api_tests',
          input: {},
          output: { request_id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        },
      ],
    };
    const failed = {
      ...message('a4', 'q1', 'assistant', ''),
      error: { code: 'TESTOPS_LLM_TIMEOUT', message: 'no answer in 60 s' },
    };
    expect(chatBranch([tree[1]!, started], 'a3').at(-1)).toMatchObject({
      tasks: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
    });
    expect(chatBranch([tree[1]!, failed]).at(-1)?.content).toBe('TESTOPS_LLM_TIMEOUT: no answer in 60 s');
  });

  it('is empty for a chat with no messages', () => {
    expect(chatBranch([])).toEqual([]);
  });
});
