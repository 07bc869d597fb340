import { useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-client.ts';
import { taskFileUrl } from './tasks.ts';

export function useTaskFileText(id: string, path: string | undefined) {
  return useQuery({
    queryKey: ['task-file', id, path],
    queryFn: async ({ signal }) => (await apiFetch(taskFileUrl(id, path!), { signal })).text(),
    enabled: path !== undefined,
    staleTime: Infinity,
  });
}

/** Files behind the key cannot be plain links: fetched with the key, then handed over as a blob. */
export async function downloadWithKey(url: string, filename: string): Promise<void> {
  const blob = await (await apiFetch(url)).blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
