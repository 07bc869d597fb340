import { Button, Code, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getJson } from '../../api/api-client.ts';
import { readApiKey, saveApiKey } from '../../api/api-key.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';

/** The key this browser sends as a Bearer token; checked against the service before it is kept. */
export function ApiKeyForm() {
  const [key, setKey] = useState(readApiKey() ?? '');
  const [saved, setSaved] = useState(Boolean(readApiKey()));
  const client = useQueryClient();
  const check = useMutation({
    mutationFn: async (candidate: string) => {
      const previous = readApiKey();
      saveApiKey(candidate);
      try {
        await getJson('/api/v1/tasks?limit=1');
      } catch (error) {
        saveApiKey(previous);
        throw error;
      }
    },
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    check.mutate(key.trim());
  };
  return (
    <form onSubmit={onSubmit} aria-label="Save an API key">
      <Stack gap="xs">
        <Text size="sm">
          A server reachable from other machines needs a key: create one on the server with{' '}
          <Code>testops keys create --project &lt;id&gt;</Code> (or <Code>--project "*"</Code> for every
          project). It is kept in this browser only.
        </Text>
        <PasswordInput
          label="API key"
          value={key}
          onChange={(event) => setKey(event.currentTarget.value)}
          autoComplete="off"
        />
        <Group gap="xs">
          <Button type="submit" loading={check.isPending} disabled={!key.trim()}>
            Save and check
          </Button>
          <Button
            variant="default"
            disabled={!saved}
            onClick={() => {
              saveApiKey(undefined);
              setKey('');
              setSaved(false);
              void client.invalidateQueries();
            }}
          >
            Forget the key
          </Button>
          {saved && !check.isPending && (
            <Text size="sm" c="var(--mantine-color-green-light-color)" role="status">
              A key is saved and accepted.
            </Text>
          )}
        </Group>
        {check.error && <ErrorPanel error={check.error} />}
      </Stack>
    </form>
  );
}
