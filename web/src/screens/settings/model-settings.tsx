import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getJson, sendJson } from '../../api/api-client.ts';
import type { ModelCheck, ModelInfo } from '../../api/api-types.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';

/** The model the server uses (set in its environment), and "test connection": one tiny real call. */
export function ModelSettings() {
  const model = useQuery({
    queryKey: ['llm'],
    queryFn: ({ signal }) => getJson<ModelInfo>('/api/v1/llm', signal),
  });
  const check = useMutation({ mutationFn: () => sendJson<ModelCheck>('/api/v1/llm/check', {}) });
  if (model.isPending) return <Loading label="Loading the model settings…" />;
  if (model.error) return <ErrorPanel error={model.error} />;
  return (
    <Stack gap="xs">
      {model.data.configured ? (
        <Text size="sm">
          <b>{model.data.provider}</b> · {model.data.model ?? 'first model the provider lists'} at{' '}
          <Code>{model.data.base_url}</Code>
        </Text>
      ) : (
        <Text size="sm">
          No model is configured: everything works without one. To add one, set{' '}
          <Code>TESTOPS_LLM_PROVIDER</Code> (or <Code>TESTOPS_LLM_BASE_URL</Code>),{' '}
          <Code>TESTOPS_LLM_MODEL</Code> and <Code>TESTOPS_LLM_API_KEY</Code> where the server runs.
        </Text>
      )}
      <Group>
        <Button variant="light" loading={check.isPending} onClick={() => check.mutate()}>
          Test connection
        </Button>
      </Group>
      {check.error && <ErrorPanel error={check.error} />}
      {check.data && (
        <Stack gap={4} role="status">
          <Text size="sm" c="var(--mantine-color-green-light-color)">
            {check.data.model} answered “{check.data.answer}” in {check.data.latency_ms} ms (first token{' '}
            {check.data.first_token_ms} ms).
          </Text>
          <Table>
            <Table.Tbody>
              {Object.entries(check.data.capabilities).map(([name, probe]) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={probe.found ? 'green' : 'gray'}>
                      {probe.found ? 'yes' : 'no'}
                    </Badge>{' '}
                    {probe.detail}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
