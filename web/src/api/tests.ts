import { useQuery } from '@tanstack/react-query';
import { getJson } from './api-client.ts';
import type { TestDetail, TestItem } from './api-types.ts';

const PAGE = 500;

/** Every test of a task, read page by page (the list then filters in the browser, instantly). */
export async function fetchAllTests(requestId: string, signal?: AbortSignal): Promise<TestItem[]> {
  const all: TestItem[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await getJson<{ items: TestItem[]; total: number }>(
      `/api/v1/tests?request_id=${requestId}&limit=${PAGE}&offset=${offset}`,
      signal,
    );
    all.push(...page.items);
    if (page.items.length < PAGE || all.length >= page.total) return all;
  }
}

export function useAllTests(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['tests', requestId],
    queryFn: ({ signal }) => fetchAllTests(requestId, signal),
    enabled,
  });
}

export function useTestDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['test', id],
    queryFn: ({ signal }) => getJson<TestDetail>(`/api/v1/tests/${id}`, signal),
    enabled: id !== undefined,
  });
}
