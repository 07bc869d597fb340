// Which installed module of each real application is mutated by default, and why that one: the
// code a delivered suite is meant to check, not start-up or plumbing.
export interface MutationTarget {
  /** A target of the real-application benchmark (bench/real/targets). */
  target: string;
  kind: 'api' | 'ui';
  /** Path under node_modules. */
  module: string;
  why: string;
}

export const mutationTargets: MutationTarget[] = [
  {
    target: 'platformatic-db',
    kind: 'api',
    module: '@platformatic/sql-openapi/lib/entity-to-routes.js',
    why: 'the REST routes Platformatic builds for each table: list with filters, ordering and paging, create, read, update, delete',
  },
  {
    target: 'tiddlywiki',
    kind: 'ui',
    module: 'tiddlywiki/core/modules/wiki.js',
    why: 'the wiki store the browser app runs on: tiddlers added, changed, deleted, listed and filtered',
  },
];
