import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { hasRoute, useServiceRoutes } from '../../api/service-routes.ts';

// The dialog (and its form) loads when first opened: the job page stays light.
const ExportDialog = lazy(async () => ({ default: (await import('./export-dialog.tsx')).ExportDialog }));

/** "Export" on a completed task: shown when the service offers the export job. */
export function ExportSlot({ projectId, taskId }: { projectId: string; taskId: string }) {
  const routes = useServiceRoutes();
  const [opened, setOpened] = useState(false);
  if (!hasRoute(routes.data, '/api/v1/export', 'post')) return null;
  return (
    <>
      <Button variant="default" aria-haspopup="dialog" onClick={() => setOpened(true)}>
        Export
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <ExportDialog
            projectId={projectId}
            taskId={taskId}
            opened={opened}
            onClose={() => setOpened(false)}
          />
        </Suspense>
      )}
    </>
  );
}
