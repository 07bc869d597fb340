import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.ts';

describe('createSseParser', () => {
  it('joins events split across chunks and skips comments and the retry line', () => {
    const parse = createSseParser();
    expect(
      parse('retry: 2000\n\n: keep-alive\n\nid: 1\nevent: stage-start\ndata: {"type":"stage-st'),
    ).toEqual([]);
    expect(parse('art","stage":"load"}\n\nid: 2\r\nevent: log\r\ndata: [DONE]\r\n\r\n')).toEqual([
      { id: 1, event: 'stage-start', data: { type: 'stage-start', stage: 'load' } },
      { id: 2, event: 'log', data: '[DONE]' },
    ]);
  });

  it('names an event without an event field "message"', () => {
    expect(createSseParser()('data: {"a":1}\n\n')).toEqual([
      { id: undefined, event: 'message', data: { a: 1 } },
    ]);
  });
});
