import { Table, Text } from '@mantine/core';
import './heatmap.css';

export interface HeatmapProps {
  caption: string;
  rows: string[];
  columns: string[];
  /** Tests covering the cell; undefined where the cell does not apply (a status the operation does not document). */
  value(row: string, column: string): number | undefined;
}

const shade = (count: number, max: number) => (count === 0 ? 0 : Math.ceil((count / Math.max(max, 1)) * 4));

/** Coverage as a table of cells coloured by the number of tests: gaps stand out, the numbers stay readable. */
export function Heatmap({ caption, rows, columns, value }: HeatmapProps) {
  const max = Math.max(0, ...rows.flatMap((row) => columns.map((column) => value(row, column) ?? 0)));
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {caption}: nothing to show.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={Math.min(900, 200 + columns.length * 56)}>
      <Table withTableBorder withColumnBorders className="heatmap">
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" />
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row}>
              <Table.Th scope="row">{row}</Table.Th>
              {columns.map((column) => {
                const count = value(row, column);
                return (
                  <Table.Td
                    key={column}
                    className={count === undefined ? 'heatmap-na' : `heatmap-${shade(count, max)}`}
                  >
                    {count === undefined ? <span aria-label="not applicable">·</span> : count}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
