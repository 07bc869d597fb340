import { Badge, Button, Card, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { FileView } from './file-view.tsx';
import { resolveArtifact } from './artifact-paths.ts';
import { evidenceCompanions, type Finding, type FindingOccurrence } from './run-report.ts';

function Occurrence({
  taskId,
  occurrence,
  files,
}: {
  taskId: string;
  occurrence: FindingOccurrence;
  files: readonly string[];
}) {
  const [open, evidence] = useDisclosure(false);
  const path = resolveArtifact(occurrence.evidence, files) ?? occurrence.evidence;
  return (
    <Stack gap={6}>
      <Text size="sm">
        <b>{occurrence.test}</b> · {occurrence.operation}
      </Text>
      {occurrence.curl && (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Code
            block
            style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
            aria-label="curl command"
          >
            {occurrence.curl}
          </Code>
          <CopyButton value={occurrence.curl}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy curl'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={evidence.toggle} aria-expanded={open}>
          {open ? 'Hide evidence' : 'Show evidence'}
        </Button>
      </Group>
      {open && (
        <Stack gap="xs">
          <FileView taskId={taskId} path={path} />
          {evidenceCompanions(path, files).map((companion) => (
            <FileView key={companion} taskId={taskId} path={companion} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One suspected defect: what failed, how often, and its evidence (request and response, curl, screenshot, trace). */
export function DefectCard({
  taskId,
  finding,
  files,
}: {
  taskId: string;
  finding: Finding;
  files: readonly string[];
}) {
  return (
    <Card withBorder component="article" aria-label={finding.title}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge
            variant="light"
            color={finding.severity === 'critical' || finding.severity === 'high' ? 'red' : 'orange'}
          >
            {finding.severity}
          </Badge>
          <Badge variant="outline">{finding.kind}</Badge>
          <Text size="xs" c="dimmed">
            {finding.occurrences.length} failing test{finding.occurrences.length === 1 ? '' : 's'}
          </Text>
        </Group>
        <Text fw={600}>{finding.title}</Text>
        {finding.occurrences.map((occurrence) => (
          <Occurrence
            key={`${occurrence.test}:${occurrence.operation}`}
            taskId={taskId}
            occurrence={occurrence}
            files={files}
          />
        ))}
      </Stack>
    </Card>
  );
}
