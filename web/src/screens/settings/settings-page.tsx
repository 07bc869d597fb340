import { Card, Stack, Text, Title } from '@mantine/core';
import { useServiceRoutes } from '../../api/service-routes.ts';
import { ApiKeyForm } from './api-key-form.tsx';
import { ModelSettings } from './model-settings.tsx';

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

/** Integrations appear here when the service publishes their routes (exports to Git, Jira, Allure TestOps). */
function Integrations() {
  const routes = useServiceRoutes();
  const found = Object.entries(routes.data ?? {}).filter(([path]) => /integration|export/.test(path));
  if (found.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This server offers no integrations yet.
      </Text>
    );
  return (
    <Stack gap={4}>
      {found.map(([path, methods]) => (
        <Text size="sm" key={path}>
          {Object.values(methods)[0]?.summary ?? path} — <code>{path}</code>
        </Text>
      ))}
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
