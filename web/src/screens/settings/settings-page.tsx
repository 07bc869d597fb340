import { Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useProjects } from '../../api/projects.ts';
import { hasRoute, useServiceRoutes } from '../../api/service-routes.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { ApiKeyForm } from './api-key-form.tsx';
import { ModelSettings } from './model-settings.tsx';
import { ProjectSecrets } from './project-secrets.tsx';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Exports (Git, Jira, Allure TestOps) name a project secret holding the vendor token; managed here per project. */
function Integrations() {
  const routes = useServiceRoutes();
  const projects = useProjects();
  const [chosen, setChosen] = useState<string>();
  if (!hasRoute(routes.data, '/api/v1/projects/{project_id}/secrets'))
    return (
      <Text size="sm" c="dimmed">
        This server offers no integrations yet.
      </Text>
    );
  const ids = (projects.data ?? []).map((project) => project.id);
  const projectId = chosen ?? ids[0];
  return (
    <Stack gap="sm">
      <Text size="sm">
        Exports to GitLab, GitHub, Jira and Allure TestOps name a secret of the project holding the vendor
        token. Values are stored encrypted and never shown again.
      </Text>
      {projects.error && <ErrorPanel error={projects.error} />}
      <NativeSelect
        label="Project"
        data={(projects.data ?? []).map((project) => ({ value: project.id, label: project.name }))}
        value={projectId ?? ''}
        onChange={(event) => setChosen(event.currentTarget.value)}
      />
      {projectId && <ProjectSecrets key={projectId} projectId={projectId} />}
    </Stack>
  );
}

export function SettingsPage() {
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Settings
      </Title>
      <Section title="API key">
        <ApiKeyForm />
      </Section>
      <Section title="Model provider">
        <ModelSettings />
      </Section>
      <Section title="Integrations">
        <Integrations />
      </Section>
    </Stack>
  );
}
