import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../../api/api-client.ts';
import type { Accepted, ExportBody } from '../../api/api-types.ts';
import { storeSecret, useRefreshSecretNames, useSecretNames } from '../../api/secrets.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { SecretInputs } from '../../components/secret-inputs.tsx';
import { EMPTY_FIELDS, exportTarget, VENDORS, type TargetFields, type Vendor } from './export-target.ts';

// Not a possible secret name (those start with a letter or digit).
const NEW_SECRET = ':new';

/**
 * Sends a finished task's output to GitLab, GitHub, Jira or Allure TestOps as an export job, then
 * opens that job's page. A token entered here is stored as a project secret first and dropped from
 * the form on submit: the export names the secret, never the token.
 */
export function ExportDialog({
  projectId,
  taskId,
  opened,
  onClose,
}: {
  projectId: string;
  taskId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const secrets = useSecretNames(projectId);
  const refreshSecrets = useRefreshSecretNames(projectId);
  const [vendor, setVendor] = useState<Vendor>('gitlab');
  const [fields, setFields] = useState<TargetFields>(EMPTY_FIELDS);
  const [chosenSecret, setChosenSecret] = useState<string>();
  const [newSecretName, setNewSecretName] = useState('');
  const [token, setToken] = useState('');
  const [folder, setFolder] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  const names = secrets.data ?? [];
  const secret = chosenSecret ?? names[0] ?? NEW_SECRET;
  const entering = secret === NEW_SECRET;
  const secretName = entering ? newSecretName.trim() || `${vendor}-token` : secret;
  const text = (
    key: keyof TargetFields,
    label: string,
    extra: { required?: boolean; description?: string; inputMode?: 'numeric' } = {},
  ) => (
    <TextInput
      label={label}
      value={fields[key] as string}
      onChange={(event) => setFields({ ...fields, [key]: event.currentTarget.value })}
      {...extra}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token;
    setToken('');
    setPending(true);
    setError(undefined);
    try {
      if (entering) {
        await storeSecret(projectId, secretName, value);
        setChosenSecret(secretName);
        void refreshSecrets();
      }
      const body: ExportBody = {
        project_id: projectId,
        task_id: taskId,
        ...(folder.trim() ? { task_folder: folder.trim() } : {}),
        target: exportTarget(vendor, fields, secretName),
        dry_run: dryRun,
      };
      const accepted = await sendJson<Accepted>('/api/v1/export', body);
      onClose();
      void navigate(`/jobs/${accepted.request_id}`);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Export this task" size="lg">
      <form onSubmit={(event) => void submit(event)} aria-label="Export this task">
        <Stack gap="sm">
          <NativeSelect
            label="Send to"
            data={VENDORS}
            value={vendor}
            onChange={(event) => setVendor(event.currentTarget.value as Vendor)}
          />
          {(vendor === 'gitlab' || vendor === 'github') && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {text('repo', 'Repository', {
                  required: true,
                  description: vendor === 'gitlab' ? 'group/project or its id' : 'owner/name',
                })}
                {text('branch', 'Branch', { required: true, description: 'created with one commit' })}
                {text('base_branch', 'Base branch', { description: 'the default branch when empty' })}
                {text('path', 'Folder in the repository', { description: 'the root when empty' })}
              </SimpleGrid>
              {text('base_url', 'Instance URL', {
                description: `self-managed ${vendor === 'gitlab' ? 'GitLab' : 'GitHub Enterprise'}; the public one when empty`,
              })}
              <Checkbox
                label="Add a CI job that runs the suite"
                checked={fields.ci}
                onChange={(event) => setFields({ ...fields, ci: event.currentTarget.checked })}
              />
            </>
          )}
          {vendor === 'jira' && (
            <>
              {text('base_url', 'Jira site URL', { required: true })}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {text('project_key', 'Project key', { required: true, description: 'e.g. CALC' })}
                {text('issue_type', 'Issue type')}
                <NativeSelect
                  label="Flavour"
                  data={[
                    { value: '', label: 'By the host' },
                    { value: 'cloud', label: 'Cloud' },
                    { value: 'server', label: 'Server / Data Center' },
                  ]}
                  value={fields.flavour}
                  onChange={(event) =>
                    setFields({ ...fields, flavour: event.currentTarget.value as TargetFields['flavour'] })
                  }
                />
                {text('email', 'Account email', { description: 'Cloud API tokens; empty for a PAT' })}
              </SimpleGrid>
              {text('report_url', 'Report URL', { description: 'linked from every issue' })}
              <Checkbox
                label="Set the priority"
                checked={fields.priority}
                onChange={(event) => setFields({ ...fields, priority: event.currentTarget.checked })}
              />
            </>
          )}
          {vendor === 'allure-testops' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('base_url', 'Allure TestOps URL', { required: true })}
              {text('allure_project_id', 'Allure project id', { required: true, inputMode: 'numeric' })}
            </SimpleGrid>
          )}
          <TextInput
            label="Artifact folder"
            description="the task’s only folder when empty, e.g. api-suite"
            value={folder}
            onChange={(event) => setFolder(event.currentTarget.value)}
          />
          <NativeSelect
            label="Token"
            description="a secret of the project holding the vendor token"
            data={[
              ...[
                ...new Set([
                  ...names,
                  ...(chosenSecret && chosenSecret !== NEW_SECRET ? [chosenSecret] : []),
                ]),
              ].map((name) => ({ value: name, label: name })),
              { value: NEW_SECRET, label: 'Store a new token…' },
            ]}
            value={secret}
            onChange={(event) => setChosenSecret(event.currentTarget.value)}
          />
          {entering && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <SecretInputs
                name={newSecretName}
                onName={setNewSecretName}
                value={token}
                onValue={setToken}
                namePlaceholder={`${vendor}-token`}
                nameRequired={false}
                valueLabel="Token value"
              />
            </SimpleGrid>
          )}
          {secrets.error && <ErrorPanel error={secrets.error} />}
          <Checkbox
            label="Dry run: report what would be sent, send nothing"
            checked={dryRun}
            onChange={(event) => setDryRun(event.currentTarget.checked)}
          />
          {error !== undefined && <ErrorPanel error={error} />}
          <Group justify="flex-end" gap="xs">
            <Text size="xs" c="dimmed" mr="auto">
              Opens the export job’s page.
            </Text>
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={pending}>
              Export
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
