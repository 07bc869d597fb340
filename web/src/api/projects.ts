import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from './api-client.ts';
import type { TaskList } from './api-types.ts';
import { hasRoute, useServiceRoutes } from './service-routes.ts';

export interface Project {
  id: string;
  name: string;
  description?: string | null;
  created_at?: string;
}

type ProjectList = Project[] | { items: Project[] };

const listOf = (body: ProjectList): Project[] => (Array.isArray(body) ? body : body.items);

/**
 * Projects from `/api/v1/projects` when the service has it; otherwise the projects its tasks
 * name (every job belongs to one, `default` when none was given).
 */
export function useProjects() {
  const routes = useServiceRoutes();
  const managed = hasRoute(routes.data, '/api/v1/projects');
  const query = useQuery({
    queryKey: ['projects', managed],
    enabled: routes.isSuccess,
    queryFn: async ({ signal }): Promise<Project[]> => {
      if (managed) return listOf(await getJson<ProjectList>('/api/v1/projects', signal));
      const tasks = await getJson<TaskList>('/api/v1/tasks?limit=200', signal);
      const ids = [...new Set(['default', ...tasks.items.map((task) => task.project_id)])];
      return ids.map((id) => ({ id, name: id }));
    },
  });
  return { ...query, managed };
}

export function useProject(id: string) {
  const routes = useServiceRoutes();
  const managed = hasRoute(routes.data, '/api/v1/projects/{id}');
  return useQuery({
    queryKey: ['project', id, managed],
    enabled: routes.isSuccess,
    queryFn: ({ signal }): Promise<Project> =>
      managed ? getJson<Project>(`/api/v1/projects/${id}`, signal) : Promise.resolve({ id, name: id }),
  });
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description?: string }) =>
      sendJson<Project>('/api/v1/projects', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['projects'] }),
  });
}
