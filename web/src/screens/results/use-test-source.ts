import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-client.ts';
import type { TestItem } from '../../api/api-types.ts';
import { taskFileUrl, useTaskFiles } from '../../api/tasks.ts';
import { declarationLine, resolveArtifact, testFiles } from './artifact-paths.ts';

/**
 * Where a test's code is: its own file when the service names one, else the emitted test file
 * that declares its title (files are read once and cached for the code viewer).
 */
export function useTestSource(taskId: string, test: TestItem) {
  const files = useTaskFiles(taskId, true);
  const client = useQueryClient();
  const paths = files.data?.items.map((file) => file.path) ?? [];
  return useQuery({
    queryKey: ['test-source', taskId, test.id],
    enabled: files.isSuccess,
    queryFn: async ({ signal }) => {
      const text = (path: string) =>
        client.fetchQuery({
          queryKey: ['task-file', taskId, path],
          queryFn: async () => (await apiFetch(taskFileUrl(taskId, path), { signal })).text(),
          staleTime: Infinity,
        });
      const own = test.file ? resolveArtifact(test.file, paths) : undefined;
      for (const path of own ? [own] : testFiles(paths)) {
        const line = declarationLine(await text(path), test.title);
        if (line !== undefined || own) return { path, line };
      }
      return null;
    },
  });
}
