import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useServiceRoutes } from '../../api/service-routes.ts';

/**
 * Where export buttons go (Git, Jira, Allure TestOps): shown when the service offers an export
 * job, i.e. publishes an export route; until then nothing is drawn.
 */
export function ExportSlot({ projectId }: { projectId: string }) {
  const routes = useServiceRoutes();
  const exports = Object.entries(routes.data ?? {}).filter(
    ([path, methods]) => /\/exports?(\/|$)/.test(path) && methods['post'] !== undefined,
  );
  if (exports.length === 0) return null;
  return (
    <Group gap="xs" aria-label="Export">
      {exports.map(([path, methods]) => (
        <Button
          key={path}
          variant="default"
          size="xs"
          component={Link}
          to={`/projects/${projectId}/quality#export`}
        >
          {methods['post']?.summary ?? `Export (${path})`}
        </Button>
      ))}
    </Group>
  );
}
