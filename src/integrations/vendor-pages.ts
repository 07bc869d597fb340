import type { VendorRequest, VendorResponse } from './vendor-exchange.ts';

/** The request of the next page after `response`, or undefined on the last page. */
export type Pager = (
  response: VendorResponse,
  request: VendorRequest,
  itemCount: number,
) => VendorRequest | undefined;

/** GitHub and GitLab: `Link: <…>; rel="next"` (RFC 8288), absent on the last page. */
export const linkHeaderPager: Pager = (response, request) => {
  const next = linkTarget(response.headers.get('link'), 'next');
  if (!next) return undefined;
  // The link carries the query (page, per_page, filters): the first request's query must not override it.
  const { query: _query, ...rest } = request;
  return { ...rest, path: new URL(next, response.url) };
};

/** The target of the link with this relation in a Link header. */
export function linkTarget(header: string | null, relation: string): string | undefined {
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel="?([^";]+)"?/i.exec(match[2]!)?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (rels.includes(relation)) return match[1];
  }
  return undefined;
}

export interface OffsetPagerOptions {
  /** The query parameter of the first item's index: `startAt` (Jira), `offset`. */
  startParam: string;
  /** The query parameter of the page size: `maxResults`, `limit`. */
  sizeParam: string;
  pageSize: number;
  /** The total the vendor reports, when it does; otherwise a short page is the last. */
  total?: (body: unknown) => number | undefined;
}

/** Offset/startAt styles (Jira, Allure TestOps): the next start is this start plus the items received. */
export function offsetPager(options: OffsetPagerOptions): Pager {
  return (response, request, itemCount) => {
    const start = Number(request.query?.[options.startParam] ?? 0);
    const next = start + itemCount;
    const total = options.total?.(response.body);
    const done = itemCount === 0 || (total === undefined ? itemCount < options.pageSize : next >= total);
    if (done) return undefined;
    return {
      ...request,
      query: { ...request.query, [options.startParam]: next, [options.sizeParam]: options.pageSize },
    };
  };
}
