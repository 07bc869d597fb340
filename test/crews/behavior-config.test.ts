import { describe, expect, it } from 'vitest';
import { loadServiceConfig, OPTIONAL_SECRET_SERVICE_VARIABLES } from '../../src/service/config.ts';

describe('the behaviour source settings', () => {
  it('default to the shipped crew, polled every minute when a page is set', () => {
    expect(loadServiceConfig({}).behavior).toEqual({ file: undefined, notion: undefined, pollMs: 60_000 });
    expect(loadServiceConfig({ TESTOPS_BEHAVIOR_FILE: '/etc/testops/crew.yaml' }).behavior.file).toBe(
      '/etc/testops/crew.yaml',
    );
  });

  it('take a Notion page with its token, a secret', () => {
    const config = loadServiceConfig({
      TESTOPS_BEHAVIOR_NOTION_PAGE: 'abc',
      TESTOPS_NOTION_TOKEN: 'ntn_x',
      TESTOPS_BEHAVIOR_POLL_MS: '5000',
    });
    expect(config.behavior).toEqual({
      file: undefined,
      notion: { pageId: 'abc', token: 'ntn_x', baseUrl: undefined },
      pollMs: 5_000,
    });
    expect(OPTIONAL_SECRET_SERVICE_VARIABLES).toContain('TESTOPS_NOTION_TOKEN');
  });

  it('refuse a Notion page without a token, saying how to get one', () => {
    expect(() => loadServiceConfig({ TESTOPS_BEHAVIOR_NOTION_PAGE: 'abc' })).toThrowError(
      /TESTOPS_BEHAVIOR_NOTION_PAGE is set without TESTOPS_NOTION_TOKEN[\s\S]*Tip: create an internal integration/,
    );
  });
});
