import {
  Anchor,
  Button,
  Fieldset,
  Group,
  Input,
  List,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { sendJson } from '../../api/api-client.ts';
import type { Accepted } from '../../api/api-types.ts';
import { useTasks } from '../../api/tasks.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';

type Check = 'validate' | 'optimize';
const QUALITY_KINDS = new Set(['validate', 'optimize', 'test-plan', 'prioritize']);

async function readFiles(list: FileList | null): Promise<{ path: string; content: string }[]> {
  return Promise.all(
    [...(list ?? [])].map(async (file) => ({
      path: file.webkitRelativePath || file.name,
      content: await file.text(),
    })),
  );
}

/** Standards checks and optimisation of test files the user uploads, and the project's earlier reports. */
export function QualityPage() {
  const { projectId = 'default' } = useParams();
  const [check, setCheck] = useState<Check>('validate');
  const [files, setFiles] = useState<{ path: string; content: string }[]>([]);
  const [spec, setSpec] = useState('');
  const tasks = useTasks(projectId, 200);
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: () =>
      check === 'validate'
        ? sendJson<Accepted>('/api/v1/validate', { project_id: projectId, files })
        : sendJson<Accepted>('/api/v1/optimize', {
            project_id: projectId,
            files,
            ...(spec.trim() ? { openapi_spec: spec } : {}),
          }),
    onSuccess: (accepted) => navigate(`/jobs/${accepted.request_id}`),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const reports = tasks.data?.items.filter((task) => QUALITY_KINDS.has(task.kind)) ?? [];
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Quality
      </Title>
      <form onSubmit={onSubmit} aria-label="Check test files">
        <Stack gap="sm">
          <Input.Wrapper label="Check" id="check-label">
            <SegmentedControl
              aria-labelledby="check-label"
              data={[
                { value: 'validate', label: 'Standards' },
                { value: 'optimize', label: 'Duplicates, outdated, coverage' },
              ]}
              value={check}
              onChange={(value) => setCheck(value as Check)}
            />
          </Input.Wrapper>
          <Fieldset legend="What to check">
            <Input.Wrapper
              label="Test files"
              id="test-files"
              description={
                files.length
                  ? `${files.length} file(s): ${files.map((file) => file.path).join(', ')}`
                  : 'pytest, Playwright or Allure-as-code files'
              }
            >
              <input
                type="file"
                multiple
                id="test-files"
                onChange={(event) => void readFiles(event.currentTarget.files).then(setFiles)}
              />
            </Input.Wrapper>
            {check === 'optimize' && (
              <Textarea
                label="OpenAPI spec (optional, for coverage of operations and statuses)"
                autosize
                minRows={2}
                value={spec}
                onChange={(event) => setSpec(event.currentTarget.value)}
              />
            )}
          </Fieldset>
          {submit.error && <ErrorPanel error={submit.error} />}
          <Group>
            <Button type="submit" disabled={files.length === 0} loading={submit.isPending}>
              {check === 'validate' ? 'Run the standards check' : 'Analyse the tests'}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2} size="h4" id="export">
        Reports
      </Title>
      {tasks.error && <ErrorPanel error={tasks.error} />}
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          No standards, optimisation or plan reports yet.
        </Text>
      ) : (
        <List spacing={4}>
          {reports.map((task) => (
            <List.Item key={task.request_id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/jobs/${task.request_id}`}>
                  {task.kind} · {new Date(task.created_at).toLocaleString()}
                </Anchor>
                <StatusBadge status={task.status} />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
