import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { sendJson } from '../../api/api-client.ts';
import type { Accepted } from '../../api/api-types.ts';
import { useDemos } from '../../api/demos.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { EMPTY_FORM, submissions, type GenerateForm, type SourceKind } from './submissions.ts';

const SOURCES: { value: SourceKind; label: string }[] = [
  { value: 'openapi', label: 'OpenAPI' },
  { value: 'page', label: 'Web page' },
  { value: 'requirements', label: 'Requirements' },
];

export function GeneratePage() {
  const { projectId = 'default' } = useParams();
  const [form, setForm] = useState<GenerateForm>(EMPTY_FORM);
  const [specName, setSpecName] = useState<string>();
  const set = <K extends keyof GenerateForm>(key: K, value: GenerateForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const demos = useDemos();
  const navigate = useNavigate();
  const submit = useMutation({
    mutationFn: async () => {
      const accepted: Accepted[] = [];
      for (const item of submissions(form, projectId))
        accepted.push(await sendJson<Accepted>(item.path, item.body));
      return accepted;
    },
    onSuccess: (accepted) => navigate(`/jobs/${accepted[0]!.request_id}`),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const readFile = async (file: File | undefined) => {
    setSpecName(file?.name);
    set('specText', file ? await file.text() : '');
  };
  const apiDemos = demos.data?.items.filter((demo) => demo.openapi_spec) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Generate tests
      </Title>
      <form onSubmit={onSubmit} aria-label="Generate tests">
        <Stack gap="md">
          <Input.Wrapper label="Source" id="source-label">
            <SegmentedControl
              fullWidth
              aria-labelledby="source-label"
              data={SOURCES}
              value={form.source}
              onChange={(value) => set('source', value as SourceKind)}
            />
          </Input.Wrapper>

          {form.source === 'openapi' && (
            <Fieldset legend="OpenAPI">
              <Stack gap="sm">
                {apiDemos.length > 0 && (
                  <Group gap="xs">
                    {apiDemos.map((demo) => (
                      <Button
                        key={demo.name}
                        variant="light"
                        onClick={() => {
                          setSpecName(`${demo.name} (bundled demo)`);
                          setForm((current) => ({
                            ...current,
                            specText: demo.openapi_spec ?? '',
                            specUrl: '',
                            baseUrl: demo.url,
                            headers: demo.headers.join('\n'),
                          }));
                        }}
                      >
                        Use the bundled {demo.name} demo
                      </Button>
                    ))}
                  </Group>
                )}
                <Input.Wrapper
                  label="OpenAPI file"
                  id="openapi-file"
                  description={specName ? `Loaded: ${specName}` : 'YAML or JSON'}
                >
                  <input
                    type="file"
                    id="openapi-file"
                    accept=".yaml,.yml,.json"
                    onChange={(event) => void readFile(event.currentTarget.files?.[0])}
                  />
                </Input.Wrapper>
                <TextInput
                  label="…or OpenAPI URL"
                  placeholder="https://api.example.com/openapi.json"
                  type="url"
                  value={form.specUrl}
                  disabled={form.specText !== ''}
                  onChange={(event) => set('specUrl', event.currentTarget.value)}
                />
                <TextInput
                  label="Base URL of the API"
                  description="The suite runs against it and only passing tests are delivered"
                  type="url"
                  value={form.baseUrl}
                  onChange={(event) => set('baseUrl', event.currentTarget.value)}
                />
                <Textarea
                  label="Only these operations"
                  description="One “METHOD /path” or operationId per line; every operation when empty"
                  autosize
                  minRows={1}
                  value={form.operations}
                  onChange={(event) => set('operations', event.currentTarget.value)}
                />
                <Select
                  label="Output"
                  data={[
                    { value: 'playwright-ts', label: 'Playwright TypeScript' },
                    { value: 'pytest', label: 'pytest' },
                  ]}
                  value={form.apiFormat}
                  allowDeselect={false}
                  onChange={(value) =>
                    set('apiFormat', (value ?? 'playwright-ts') as GenerateForm['apiFormat'])
                  }
                />
                <Textarea
                  label="Credentials (headers, kept as secrets)"
                  description="One “Name: value” per line; stored encrypted, masked in every report and file"
                  autosize
                  minRows={1}
                  value={form.headers}
                  onChange={(event) => set('headers', event.currentTarget.value)}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Textarea
                    label="Variables"
                    description="name=value per line, e.g. project_id=…"
                    autosize
                    minRows={1}
                    value={form.variables}
                    onChange={(event) => set('variables', event.currentTarget.value)}
                  />
                  <Textarea
                    label="Secret variables"
                    description="name=value per line; never written into the suite"
                    autosize
                    minRows={1}
                    value={form.secretVariables}
                    onChange={(event) => set('secretVariables', event.currentTarget.value)}
                  />
                </SimpleGrid>
                <Group gap="lg">
                  <Switch
                    label="Run and verify"
                    checked={form.run}
                    onChange={(event) => set('run', event.currentTarget.checked)}
                  />
                  <Checkbox
                    label="Allow writes to a non-local host"
                    checked={form.allowWrites}
                    onChange={(event) => set('allowWrites', event.currentTarget.checked)}
                  />
                </Group>
              </Stack>
            </Fieldset>
          )}

          {form.source === 'page' && (
            <Fieldset legend="Web page">
              <Stack gap="sm">
                <TextInput
                  label="Page URL"
                  required
                  type="url"
                  placeholder="https://app.example.com/"
                  value={form.pageUrl}
                  onChange={(event) => set('pageUrl', event.currentTarget.value)}
                />
                <Select
                  label="Output"
                  data={[
                    { value: 'automated', label: 'Playwright UI tests (verified)' },
                    { value: 'manual', label: 'Manual cases' },
                    { value: 'both', label: 'Both' },
                  ]}
                  value={form.pageOutput}
                  allowDeselect={false}
                  onChange={(value) =>
                    set('pageOutput', (value ?? 'automated') as GenerateForm['pageOutput'])
                  }
                />
                <NumberInput
                  label="Pages to explore"
                  min={1}
                  max={50}
                  value={form.maxPages}
                  onChange={(value) => set('maxPages', Number(value) || 1)}
                />
              </Stack>
            </Fieldset>
          )}

          {form.source === 'requirements' && (
            <Fieldset legend="Requirements">
              <Textarea
                label="Requirements"
                description="Paste requirements, user stories or Gherkin; a blank line separates items"
                required
                autosize
                minRows={6}
                value={form.requirements}
                onChange={(event) => set('requirements', event.currentTarget.value)}
              />
            </Fieldset>
          )}

          <Fieldset legend="Options">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Repeat count"
                description="Runs per test; flaky ones are quarantined"
                min={1}
                max={10}
                value={form.repeat}
                onChange={(value) => set('repeat', Math.min(10, Math.max(1, Number(value) || 1)))}
              />
              {form.source !== 'openapi' && (
                <Select
                  label="Manual case format"
                  data={[
                    { value: 'allure-python', label: 'Allure TestOps as code' },
                    { value: 'markdown', label: 'Markdown' },
                    { value: 'csv', label: 'CSV' },
                    { value: 'json', label: 'JSON' },
                  ]}
                  value={form.caseFormat}
                  allowDeselect={false}
                  onChange={(value) =>
                    set('caseFormat', (value ?? 'allure-python') as GenerateForm['caseFormat'])
                  }
                />
              )}
              <Stack gap="xs" justify="flex-end">
                <Switch
                  label="Use the language model when configured"
                  checked={form.model}
                  onChange={(event) => set('model', event.currentTarget.checked)}
                />
                {form.source !== 'page' && (
                  <Checkbox
                    label="Also write a test plan"
                    checked={form.plan}
                    onChange={(event) => set('plan', event.currentTarget.checked)}
                  />
                )}
              </Stack>
            </SimpleGrid>
          </Fieldset>

          {submit.error && <ErrorPanel error={submit.error} />}
          <Group>
            <Button type="submit" loading={submit.isPending}>
              Generate
            </Button>
            <Text size="xs" c="dimmed">
              The job runs on the server; you can leave this page and come back to it.
            </Text>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
