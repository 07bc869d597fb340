import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, getJson, sendJson } from './api-client.ts';
import type { SecretNames } from './api-types.ts';

const secretsPath = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/secrets`;
const secretsKey = (projectId: string) => ['secrets', projectId];

/** The names of a project's secrets (vendor tokens); the service never answers their values. */
export function useSecretNames(projectId: string | undefined) {
  return useQuery({
    queryKey: secretsKey(projectId ?? ''),
    queryFn: async ({ signal }) => (await getJson<SecretNames>(secretsPath(projectId!), signal)).names,
    enabled: projectId !== undefined,
  });
}

/**
 * Stores a secret. Not a mutation hook on purpose: a mutation keeps its variables (the value) in
 * the query cache; this leaves the value only in the caller's scope for the one request.
 */
export async function storeSecret(projectId: string, name: string, value: string): Promise<void> {
  await sendJson<void>(secretsPath(projectId), { name, value });
}

export function useRefreshSecretNames(projectId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: secretsKey(projectId) });
}

export function useDeleteSecret(projectId: string) {
  const refresh = useRefreshSecretNames(projectId);
  return useMutation({
    mutationFn: async (name: string) => {
      await apiFetch(`${secretsPath(projectId)}/${encodeURIComponent(name)}`, { method: 'DELETE' });
    },
    onSuccess: refresh,
  });
}
