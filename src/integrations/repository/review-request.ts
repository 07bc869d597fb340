import type { VendorRequest } from '../vendor-exchange.ts';
import type { VendorHttp } from '../vendor-http.ts';
import type { ReviewRequest } from './repository-export.ts';

/** The calls of one vendor's merge or pull request: list the branch's open one, update it, or open one. */
export interface ReviewCalls<T> {
  listOpen: VendorRequest;
  update(current: T): VendorRequest;
  create: VendorRequest;
  view(item: T): { number: number; url: string };
}

/** A re-export updates the branch's open merge or pull request instead of opening another. */
export async function openOrUpdateReview<T>(http: VendorHttp, calls: ReviewCalls<T>): Promise<ReviewRequest> {
  const [current] = (await http.request<T[]>(calls.listOpen)).body;
  if (current) return { ...calls.view((await http.request<T>(calls.update(current))).body), created: false };
  return { ...calls.view((await http.request<T>(calls.create)).body), created: true };
}
