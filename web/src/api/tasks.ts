import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from './api-client.ts';
import { FINAL_STATUSES, type Task, type TaskList, type TaskFiles } from './api-types.ts';

export function useTask(id: string) {
  return useQuery({
    queryKey: ['task', id],
    queryFn: ({ signal }) => getJson<Task>(`/api/v1/tasks/${id}`, signal),
    // The stream drives the page; polling is the fallback while the task is not final.
    refetchInterval: (query) =>
      query.state.data && FINAL_STATUSES.includes(query.state.data.status) ? false : 5000,
  });
}

export function useTasks(project: string | undefined, limit = 50) {
  const query = new URLSearchParams({ limit: String(limit), ...(project ? { project } : {}) });
  return useQuery({
    queryKey: ['tasks', project ?? '', limit],
    queryFn: ({ signal }) => getJson<TaskList>(`/api/v1/tasks?${query}`, signal),
  });
}

export function useTaskAction(id: string, action: 'cancel' | 'retry') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<Task>(`/api/v1/tasks/${id}/${action}`, {}),
    onSuccess: (task) => {
      client.setQueryData(['task', id], task);
      void client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useTaskFiles(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['task-files', id],
    queryFn: ({ signal }) => getJson<TaskFiles>(`/api/v1/tasks/${id}/files`, signal),
    enabled,
  });
}

export function useTaskReport<T>(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['task-report', id],
    queryFn: ({ signal }) => getJson<{ kind: string; report: T }>(`/api/v1/tasks/${id}/report`, signal),
    enabled,
  });
}

/** The URL of one produced file (images, downloads); text files are fetched with `useTaskFileText`. */
export function taskFileUrl(id: string, path: string): string {
  return `/api/v1/tasks/${id}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}
