import { describe, expect, it } from 'vitest';
import { linkLooksDestructive, looksDestructive } from '../../../src/sources/web/destructive.ts';

describe('what exploration never triggers on its own', () => {
  it('takes a button that archives an item for a destructive one', () => {
    expect(looksDestructive('Archive feature flag')).toBe(true);
    expect(looksDestructive('Archive')).toBe(true);
    expect(looksDestructive('Delete')).toBe(true);
  });

  it('follows a link to an archive of past posts, but not one that deletes', () => {
    expect(linkLooksDestructive('Archive', 'Archive', 'https://example.test/archive')).toBe(false);
    expect(linkLooksDestructive('Delete', 'Delete', 'https://example.test/posts/3/delete')).toBe(true);
    expect(linkLooksDestructive('Log out', 'Log out', 'https://example.test/logout')).toBe(true);
  });

  it('reads "archived" and "unarchive" as other words', () => {
    expect(looksDestructive('Archived flags')).toBe(false);
    expect(looksDestructive('Unarchive')).toBe(false);
  });
});
