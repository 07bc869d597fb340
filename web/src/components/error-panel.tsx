import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.ts';

/** The service's error shape, shown whole: code, the message that says how to fix, details, request id. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const api = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={api ? `Error ${api.code}` : 'Something went wrong'} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {api && api.details.length > 0 && (
          <List size="sm">
            {api.details.map((detail) => (
              <List.Item key={`${detail.where}:${detail.problem}`}>
                <Code>{detail.where}</Code> {detail.problem}
              </List.Item>
            ))}
          </List>
        )}
        {api?.requestId && (
          <Text size="xs" c="dimmed">
            Request id: <Code>{api.requestId}</Code>
          </Text>
        )}
        <Group gap="xs">
          {onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
          {api?.status === 401 && (
            <Button size="xs" variant="light" component={Link} to="/settings">
              Enter an API key
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
