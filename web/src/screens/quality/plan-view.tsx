import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { TestPlan } from './report-types.ts';

const PRIORITY_COLOUR: Record<string, string> = {
  critical: 'red',
  high: 'orange',
  medium: 'blue',
  low: 'gray',
};

/** The test plan: cases in the order to run them, with their priority and risk score. */
export function PlanView({ plan }: { plan: TestPlan }) {
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {plan.title}
      </Title>
      <Text size="sm" c="dimmed">
        Ranked by {plan.prioritisation.formula}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Case</Table.Th>
              <Table.Th>Feature</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Score</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.prioritisation.cases.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.rank}</Table.Td>
                <Table.Td>
                  {item.id} {item.title}
                </Table.Td>
                <Table.Td>
                  {item.feature} ({item.suite})
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={PRIORITY_COLOUR[item.priority] ?? 'gray'}>
                    {item.priority}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.score}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
