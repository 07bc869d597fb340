import { Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { Empty } from '../../components/page-states.tsx';
import { Heatmap } from './heatmap.tsx';
import type { OptimisationReport } from './report-types.ts';

function OperationHeatmap({
  operations,
}: {
  operations: NonNullable<OptimisationReport['coverage']['operations']>;
}) {
  const statuses = [
    ...new Set(operations.flatMap((item) => item.statuses.map((status) => String(status.status)))),
  ].sort();
  const byOperation = new Map(operations.map((item) => [item.operation, item]));
  return (
    <Heatmap
      caption="Operations × documented statuses (tests per cell)"
      rows={operations.map((item) => item.operation)}
      columns={statuses}
      value={(row, column) =>
        byOperation.get(row)?.statuses.find((status) => String(status.status) === column)?.tests.length
      }
    />
  );
}

function RequirementHeatmap({
  requirements,
}: {
  requirements: NonNullable<OptimisationReport['coverage']['requirements']>;
}) {
  const byId = new Map(requirements.map((item) => [item.requirement, item.tests.length]));
  return (
    <Heatmap
      caption="Requirements × tests"
      rows={requirements.map((item) => item.requirement)}
      columns={['tests']}
      value={(row) => byId.get(row)}
    />
  );
}

function ElementHeatmap({ elements }: { elements: NonNullable<OptimisationReport['coverage']['elements']> }) {
  const pages = [...new Set(elements.map((item) => item.page))];
  const roles = [...new Set(elements.map((item) => item.role))].sort();
  return (
    <Heatmap
      caption="Pages × elements (tests touching elements of each role)"
      rows={pages}
      columns={roles}
      value={(page, role) => {
        const matching = elements.filter((item) => item.page === page && item.role === role);
        return matching.length === 0 ? undefined : matching.reduce((sum, item) => sum + item.tests.length, 0);
      }}
    />
  );
}

/** Duplicates, outdated and conflicting tests with their suggested actions, and coverage as heatmaps. */
export function OptimisationView({ report }: { report: OptimisationReport }) {
  const { coverage } = report;
  return (
    <Stack gap="lg">
      <Title order={3} size="h4">
        Suggestions
      </Title>
      {report.suggestions.length === 0 ? (
        <Empty title="Nothing to change" />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Suggestion</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.suggestions.map((suggestion) => (
                <Table.Tr key={suggestion.rank}>
                  <Table.Td>{suggestion.rank}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={
                        suggestion.criticality === 'critical' || suggestion.criticality === 'high'
                          ? 'red'
                          : 'blue'
                      }
                    >
                      {suggestion.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{suggestion.title}</Table.Td>
                  <Table.Td>{suggestion.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={3} size="h4">
        Duplicates, outdated and conflicting tests
      </Title>
      <Card withBorder>
        <List size="sm" spacing={4}>
          {report.duplicates.exact.map((group) => (
            <List.Item key={`dup:${group.keep.id}`}>
              Duplicate of <b>{group.keep.title}</b>:{' '}
              {group.duplicates.map((test) => `${test.title} (${test.file}:${test.line})`).join(', ')} —{' '}
              {group.reason}
            </List.Item>
          ))}
          {report.duplicates.near.map((pair) => (
            <List.Item key={`near:${pair.tests[0].id}:${pair.tests[1].id}`}>
              Near duplicates ({Math.round(pair.similarity * 100)} %): <b>{pair.tests[0].title}</b> and{' '}
              <b>{pair.tests[1].title}</b> — {pair.reason}
            </List.Item>
          ))}
          {report.outdated.map((item) => (
            <List.Item key={`old:${item.test.id}`}>
              Outdated: <b>{item.test.title}</b> —{' '}
              {item.problems.map((problem) => problem.message).join('; ')}
            </List.Item>
          ))}
          {report.conflicts.map((conflict) => (
            <List.Item key={`conflict:${conflict.input}`}>
              Conflicting on <code>{conflict.input}</code>:{' '}
              {conflict.expectations
                .map((item) => `${item.test.title} expects ${item.expected}`)
                .join(' vs ')}
            </List.Item>
          ))}
        </List>
        {report.duplicates.exact.length +
          report.duplicates.near.length +
          report.outdated.length +
          report.conflicts.length ===
          0 && (
          <Text size="sm" c="dimmed">
            None found.
          </Text>
        )}
      </Card>
      <Title order={3} size="h4">
        Coverage
      </Title>
      {coverage.operations && <OperationHeatmap operations={coverage.operations} />}
      {coverage.requirements && <RequirementHeatmap requirements={coverage.requirements} />}
      {coverage.elements && <ElementHeatmap elements={coverage.elements} />}
      {!coverage.operations && !coverage.requirements && !coverage.elements && (
        <Text size="sm" c="dimmed">
          Send a spec, requirements or a page model with the tests to see coverage.
        </Text>
      )}
    </Stack>
  );
}
