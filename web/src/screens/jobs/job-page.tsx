import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FINAL_STATUSES } from '../../api/api-types.ts';
import { downloadWithKey } from '../../api/task-file.ts';
import { useTask, useTaskAction } from '../../api/tasks.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { ResultsTabs } from '../results/results-tabs.tsx';
import { ExportSlot } from './export-slot.tsx';
import { StageTimeline } from './stage-timeline.tsx';
import { useJobTimeline } from './use-job-timeline.ts';

const CONNECTION_TEXT = {
  live: 'Live',
  reconnecting: 'Connection lost — reconnecting…',
  // The stream ended; the final status is being read again. "Finished" waits for that status, so
  // the text never says finished beside a badge that still says running.
  ended: 'Reading the final status…',
  failed: 'The live stream stopped',
} as const;

/** One task: its stages live from the event stream, cancel or retry, then what it produced. */
export function JobPage() {
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  const { timeline, connection, error: streamError, restart } = useJobTimeline(taskId);
  const cancel = useTaskAction(taskId, 'cancel');
  const retry = useTaskAction(taskId, 'retry');
  const [downloadError, setDownloadError] = useState<unknown>();
  if (task.isPending) return <Loading label="Loading the task…" />;
  if (task.error) return <ErrorPanel error={task.error} onRetry={() => void task.refetch()} />;
  const current = task.data;
  const final = FINAL_STATUSES.includes(current.status);
  const download = () =>
    downloadWithKey(`/api/v1/tasks/${taskId}/artifacts`, `testops-${current.kind}-${taskId}.zip`).catch(
      setDownloadError,
    );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {current.kind} task
          </Title>
          <Group gap="xs">
            <StatusBadge status={current.status} />
            <Text size="sm" c="dimmed" aria-live="polite">
              {final
                ? `Finished ${current.finished_at ? new Date(current.finished_at).toLocaleString() : ''}`
                : CONNECTION_TEXT[connection]}
            </Text>
            <Anchor component={Link} to={`/projects/${current.project_id}`} size="sm">
              project {current.project_id}
            </Anchor>
          </Group>
        </Stack>
        <Group gap="xs">
          {!final && (
            <Button color="red" variant="light" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              Cancel
            </Button>
          )}
          {(current.status === 'failed' || current.status === 'cancelled') && (
            <Button
              variant="light"
              loading={retry.isPending}
              onClick={() => retry.mutate(undefined, { onSuccess: restart })}
            >
              Retry
            </Button>
          )}
          {current.status === 'completed' && <Button onClick={() => void download()}>Download zip</Button>}
          {current.status === 'completed' && <ExportSlot projectId={current.project_id} taskId={taskId} />}
        </Group>
      </Group>
      {(cancel.error ?? retry.error ?? downloadError) !== undefined &&
        (cancel.error ?? retry.error ?? downloadError) !== null && (
          <ErrorPanel error={cancel.error ?? retry.error ?? downloadError} />
        )}
      {streamError && <ErrorPanel error={streamError} />}
      <Card withBorder>
        <StageTimeline timeline={timeline} />
      </Card>
      {current.errors.length > 0 && (
        <Alert
          color={current.status === 'failed' ? 'red' : 'yellow'}
          title={current.status === 'failed' ? 'Why it failed' : 'Items skipped'}
        >
          <List size="sm">
            {current.errors.map((item, index) => (
              <List.Item key={index}>
                <b>{item.code}</b> {item.where ? `${item.where}: ` : ''}
                {item.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {timeline.messages.length > 0 && (
        <details>
          <summary>Messages ({timeline.messages.length})</summary>
          <List size="sm">
            {timeline.messages.map((message, index) => (
              <List.Item key={index}>{message.text}</List.Item>
            ))}
          </List>
        </details>
      )}
      {current.status === 'completed' && <ResultsTabs task={current} />}
    </Stack>
  );
}
