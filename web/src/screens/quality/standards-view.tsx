import { Accordion, Badge, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Empty } from '../../components/page-states.tsx';
import type { StandardsFinding, StandardsReport } from './report-types.ts';

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'gray' } as const;

export function groupByRule(report: StandardsReport): [string, StandardsFinding[]][] {
  const groups = new Map<string, StandardsFinding[]>();
  for (const finding of report.files.flatMap((file) => file.findings))
    groups.set(finding.ruleId, [...(groups.get(finding.ruleId) ?? []), finding]);
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

/** The standards report: the score, then findings by rule with where each is and how to fix it. */
export function StandardsView({ report }: { report: StandardsReport }) {
  const rules = groupByRule(report);
  const { summary } = report;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {(
          [
            ['Score', summary.score],
            ['Files', summary.files],
            ['Tests', summary.tests],
            ['Errors', summary.errors],
            ['Warnings', summary.warnings],
          ] as const
        ).map(([label, value]) => (
          <Stack gap={0} key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={700}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {rules.length === 0 ? (
        <Empty title="No findings">Every test follows the standards.</Empty>
      ) : (
        <Accordion multiple variant="separated" aria-label="Findings by rule">
          {rules.map(([rule, findings]) => (
            <Accordion.Item key={rule} value={rule}>
              <Accordion.Control>
                <Group gap="xs">
                  <Badge variant="light" color={SEVERITY_COLOUR[findings[0]!.severity]}>
                    {findings[0]!.severity}
                  </Badge>
                  <Text fw={600}>{rule}</Text>
                  <Text size="sm" c="dimmed">
                    {findings.length} finding{findings.length === 1 ? '' : 's'}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" mb="xs">
                  Fix: {findings[0]!.recommendation}
                </Text>
                <Table.ScrollContainer minWidth={500}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Where</Table.Th>
                        <Table.Th>Finding</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {findings.map((finding) => (
                        <Table.Tr
                          key={`${finding.file}:${finding.line}:${finding.column}:${finding.message}`}
                        >
                          <Table.Td>
                            <Code>
                              {finding.file}:{finding.line}
                            </Code>
                          </Table.Td>
                          <Table.Td>{finding.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
