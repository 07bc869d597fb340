import { Badge } from '@mantine/core';
import type { TaskStatus } from '../api/api-types.ts';

const COLOURS: Record<TaskStatus, string> = {
  pending: 'gray',
  running: 'blue',
  completed: 'green',
  failed: 'red',
  cancelled: 'orange',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <Badge color={COLOURS[status]} variant="light">
      {status}
    </Badge>
  );
}
