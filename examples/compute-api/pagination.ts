/** Anything listable: ordered by creation time, ties broken by the store's creation sequence. */
export interface Listable {
  createdTime: string;
  seq: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
  orderDesc: boolean;
  /** Seeded fault: hand out one item too many whenever more exist. */
  offByOne?: boolean;
}

export interface Page<T> {
  items: T[];
  offset: number;
  limit: number;
  total: number;
}

function compareByCreation(a: Listable, b: Listable): number {
  return Date.parse(a.createdTime) - Date.parse(b.createdTime) || a.seq - b.seq;
}

/** Reads the already-validated (and defaulted) list parameters shared by every list operation. */
export function pageRequestFromQuery(query: Record<string, unknown>, offByOne: boolean): PageRequest {
  return {
    limit: typeof query.limit === 'number' ? query.limit : 50,
    offset: typeof query.offset === 'number' ? query.offset : 0,
    orderDesc: typeof query.order_desc === 'boolean' ? query.order_desc : true,
    offByOne,
  };
}

/**
 * Sorts deterministically and slices. `total` counts every match regardless of paging, and
 * `items` holds exactly min(limit, max(0, total - offset)) entries.
 */
export function paginate<T extends Listable>(matches: T[], request: PageRequest): Page<T> {
  const sorted = [...matches].sort(compareByCreation);
  if (request.orderDesc) sorted.reverse();
  const size = request.offByOne ? request.limit + 1 : request.limit;
  return {
    items: sorted.slice(request.offset, request.offset + size),
    offset: request.offset,
    limit: request.limit,
    total: sorted.length,
  };
}
