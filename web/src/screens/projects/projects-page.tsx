import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useProjects } from '../../api/projects.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Empty, Loading } from '../../components/page-states.tsx';
import { CreateProjectForm } from './create-project-form.tsx';

export function ProjectsPage() {
  const projects = useProjects();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Projects
      </Title>
      <CreateProjectForm managed={projects.managed} />
      {projects.isPending && <Loading label="Loading projects…" />}
      {projects.error && <ErrorPanel error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.data?.length === 0 && (
        <Empty title="No projects yet">
          Create one above, then generate tests from a spec, a page or requirements.
        </Empty>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {projects.data?.map((project) => (
          <Card key={project.id} withBorder component="li">
            <Anchor component={Link} to={`/projects/${encodeURIComponent(project.id)}`} fw={600}>
              {project.name}
            </Anchor>
            {project.name !== project.id && (
              <Text size="xs" c="dimmed">
                {project.id}
              </Text>
            )}
            {project.description && <Text size="sm">{project.description}</Text>}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
