import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { storeSecret, useDeleteSecret, useRefreshSecretNames, useSecretNames } from '../../api/secrets.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';
import { SecretInputs } from '../../components/secret-inputs.tsx';

/**
 * A project's secrets (vendor tokens exports name): listed by name, deleted, or added. A value is
 * sent once and dropped from the form; the service never shows it again.
 */
export function ProjectSecrets({ projectId }: { projectId: string }) {
  const secrets = useSecretNames(projectId);
  const refresh = useRefreshSecretNames(projectId);
  const remove = useDeleteSecret(projectId);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const secret = value;
    setValue('');
    setPending(true);
    setError(undefined);
    try {
      await storeSecret(projectId, name.trim(), secret);
      setName('');
      await refresh();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack gap="sm">
      {secrets.isPending && <Loading label="Loading the secrets…" />}
      {secrets.error && <ErrorPanel error={secrets.error} onRetry={() => void secrets.refetch()} />}
      {secrets.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          Project {projectId} has no secrets yet.
        </Text>
      )}
      {secrets.data && secrets.data.length > 0 && (
        <Table aria-label={`Secrets of project ${projectId}`}>
          <Table.Tbody>
            {secrets.data.map((secret) => (
              <Table.Tr key={secret}>
                <Table.Td>
                  <code>{secret}</code>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={`Delete ${secret}`}
                    loading={remove.isPending && remove.variables === secret}
                    onClick={() => remove.mutate(secret)}
                  >
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.error && <ErrorPanel error={remove.error} />}
      <form onSubmit={(event) => void add(event)} aria-label="Add a secret">
        <Group align="flex-end" gap="xs">
          <SecretInputs
            name={name}
            onName={setName}
            value={value}
            onValue={setValue}
            namePlaceholder="gitlab-token"
          />
          <Button type="submit" loading={pending}>
            Add secret
          </Button>
        </Group>
      </form>
      {error !== undefined && <ErrorPanel error={error} />}
    </Stack>
  );
}
