import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Task } from '../../api/api-types.ts';
import { useChats } from '../../api/chats.ts';
import { useProject } from '../../api/projects.ts';
import { hasRoute, useServiceRoutes } from '../../api/service-routes.ts';
import { useTasks } from '../../api/tasks.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Empty, Loading } from '../../components/page-states.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { latestRunHealth, type RunHealth } from './run-health.ts';

const GROUPS: { title: string; kinds: string[] }[] = [
  { title: 'Suites', kinds: ['api-tests', 'test-cases'] },
  { title: 'Reports', kinds: ['validate', 'optimize'] },
  { title: 'Plans', kinds: ['test-plan', 'prioritize'] },
];

const VERDICT_COLOUR: Record<RunHealth['verdict'], string> = {
  healthy: 'green',
  defects: 'red',
  flaky: 'yellow',
  unverified: 'gray',
};

function HealthCard({ health }: { health: RunHealth | undefined }) {
  return (
    <Card withBorder>
      <Text fw={600}>Latest run health</Text>
      {health ? (
        <Stack gap={4} mt="xs">
          <Group gap="xs">
            <Badge variant="light" color={VERDICT_COLOUR[health.verdict]}>
              {health.verdict}
            </Badge>
            <Anchor component={Link} to={`/jobs/${health.task.request_id}`} size="sm">
              open the run
            </Anchor>
          </Group>
          <Text size="sm">
            {health.delivered} of {health.generated} tests delivered · {health.defects} suspected defects ·{' '}
            {health.flaky} flaky
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          No suite has run yet.
        </Text>
      )}
    </Card>
  );
}

function TaskTable({ tasks }: { tasks: Task[] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Task</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Started</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.request_id}>
              <Table.Td>
                <Anchor component={Link} to={`/jobs/${task.request_id}`}>
                  {task.kind} · {task.request_id.slice(0, 8)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={task.status} />
              </Table.Td>
              <Table.Td>{new Date(task.created_at).toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The project's chats, when the service keeps them. */
function ChatsCard({ projectId }: { projectId: string }) {
  const routes = useServiceRoutes();
  const chats = useChats(projectId, hasRoute(routes.data, '/api/v1/projects/{id}/chats'));
  if (!chats.data) return null;
  return (
    <Card withBorder>
      <Text fw={600}>Chats</Text>
      <Text size="xl" fw={700}>
        {chats.data.length}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {chats.data[0]?.title ?? 'open the chat from the header'}
      </Text>
    </Card>
  );
}

export function ProjectPage() {
  const { projectId = 'default' } = useParams();
  const project = useProject(projectId);
  const tasks = useTasks(projectId, 200);
  const items = tasks.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {project.data?.name ?? projectId}
        </Title>
        <Group gap="xs">
          <Button component={Link} to={`/projects/${projectId}/generate`}>
            Generate tests
          </Button>
          <Button variant="default" component={Link} to={`/projects/${projectId}/quality`}>
            Check quality
          </Button>
        </Group>
      </Group>
      {project.error && <ErrorPanel error={project.error} />}
      {tasks.isPending && <Loading label="Loading the project’s tasks…" />}
      {tasks.error && <ErrorPanel error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <HealthCard health={latestRunHealth(items)} />
            {GROUPS.map((group) => (
              <Card withBorder key={group.title}>
                <Text fw={600}>{group.title}</Text>
                <Text size="xl" fw={700}>
                  {
                    items.filter((task) => group.kinds.includes(task.kind) && task.status === 'completed')
                      .length
                  }
                </Text>
                <Text size="xs" c="dimmed">
                  completed · {items.filter((task) => group.kinds.includes(task.kind)).length} in all
                </Text>
              </Card>
            ))}
            <ChatsCard projectId={projectId} />
          </SimpleGrid>
          <Title order={2} size="h4">
            Runs
          </Title>
          {items.length === 0 ? (
            <Empty title="Nothing has run in this project">
              Generate a suite from a spec, a page or requirements.
            </Empty>
          ) : (
            <TaskTable tasks={items} />
          )}
        </>
      )}
    </Stack>
  );
}
