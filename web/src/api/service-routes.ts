import { useQuery } from '@tanstack/react-query';

interface Document {
  paths?: Record<string, Record<string, { summary?: string }>>;
}

/**
 * The routes the running service publishes in /openapi.json: screens for features other parts
 * of the service add (projects, chat, exports) appear when their routes exist.
 */
export function useServiceRoutes() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: async ({ signal }) => {
      const response = await fetch('/openapi.json', { signal });
      const document = response.ok ? ((await response.json()) as Document) : {};
      return document.paths ?? {};
    },
    staleTime: Infinity,
  });
}

export function hasRoute(paths: Document['paths'] | undefined, path: string, method = 'get'): boolean {
  return Boolean(paths?.[path]?.[method]);
}
