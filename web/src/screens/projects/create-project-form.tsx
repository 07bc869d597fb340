import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCreateProject } from '../../api/projects.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';

/** A slug the job routes accept as project_id when the service has no projects route. */
export function projectSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function CreateProjectForm({ managed }: { managed: boolean }) {
  const [name, setName] = useState('');
  const create = useCreateProject();
  const navigate = useNavigate();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    // Without a projects route a project exists as soon as a job names it.
    const id = managed ? (await create.mutateAsync({ name: name.trim() })).id : projectSlug(name);
    navigate(`/projects/${encodeURIComponent(id)}`);
  };
  return (
    <form onSubmit={(event) => void submit(event).catch(() => {})} aria-label="Create a project">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="New project"
          placeholder="billing-api"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" loading={create.isPending}>
          Create project
        </Button>
      </Group>
      {create.error && <ErrorPanel error={create.error} />}
    </form>
  );
}
