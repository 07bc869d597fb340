import { useQuery } from '@tanstack/react-query';
import { getJson } from './api-client.ts';
import type { Demo } from './api-types.ts';

export function useDemos() {
  return useQuery({
    queryKey: ['demos'],
    queryFn: ({ signal }) => getJson<{ items: Demo[] }>('/api/v1/demos', signal),
    staleTime: Infinity,
  });
}
