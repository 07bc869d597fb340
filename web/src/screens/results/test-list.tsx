import { Badge, Group, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { TestItem } from '../../api/api-types.ts';
import { Empty } from '../../components/page-states.tsx';
import { filterTests, NO_FILTERS, testTargets, type TestFilters } from './test-filters.ts';
import './test-list.css';

const ROW_HEIGHT = 52;
const STATUS_COLOUR: Record<TestItem['status'], string> = {
  delivered: 'green',
  defect: 'red',
  flaky: 'yellow',
  unverified: 'gray',
};

interface TestListProps {
  tests: readonly TestItem[];
  selected: string | undefined;
  onSelect(test: TestItem): void;
  /** Height of the scrolled list; only the rows in view are in the page. */
  height?: number;
}

/** Every generated test, filtered in the browser and virtualised: tens of thousands stay smooth. */
export function TestList({ tests, selected, onSelect, height = 480 }: TestListProps) {
  const [filters, setFilters] = useState<TestFilters>(NO_FILTERS);
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => filterTests(tests, deferred), [tests, deferred]);
  const targets = useMemo(() => testTargets(tests), [tests]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 600, height },
  });
  const set = <K extends keyof TestFilters>(key: K, value: TestFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        <TextInput
          label="Search tests"
          placeholder="title or operation"
          value={filters.text}
          onChange={(event) => set('text', event.currentTarget.value)}
        />
        <Select
          label="Kind"
          clearable
          data={[
            { value: 'api', label: 'API' },
            { value: 'ui', label: 'UI' },
            { value: 'manual', label: 'Manual' },
          ]}
          value={filters.kind || null}
          onChange={(value) => set('kind', (value ?? '') as TestFilters['kind'])}
        />
        <Select
          label="Verdict"
          clearable
          data={[
            { value: 'delivered', label: 'Delivered' },
            { value: 'defect', label: 'Suspected defect' },
            { value: 'flaky', label: 'Flaky' },
            { value: 'unverified', label: 'Not run' },
          ]}
          value={filters.status || null}
          onChange={(value) => set('status', (value ?? '') as TestFilters['status'])}
        />
        <Select
          label="Priority"
          clearable
          data={[
            { value: 'critical', label: 'Critical' },
            { value: 'normal', label: 'Normal' },
            { value: 'low', label: 'Low' },
          ]}
          value={filters.priority || null}
          onChange={(value) => set('priority', (value ?? '') as TestFilters['priority'])}
        />
        <Select
          label="Operation or page"
          clearable
          searchable
          data={targets}
          value={filters.target || null}
          onChange={(value) => set('target', value ?? '')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown.length} of {tests.length} tests
      </Text>
      {shown.length === 0 ? (
        <Empty title={tests.length === 0 ? 'No tests' : 'No test matches these filters'} />
      ) : (
        <div ref={scroller} className="test-list" style={{ height }} role="list" aria-label="Tests">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const test = shown[row.index]!;
              return (
                <div
                  role="listitem"
                  key={test.id}
                  className="test-list-row"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                >
                  {/* Named by its title alone (verdict and details describe it): a short, unique
                      name is what screen readers announce first and what role locators can use. */}
                  <UnstyledButton
                    className="test-list-button"
                    aria-label={test.title}
                    aria-describedby={`test-${test.id}-verdict test-${test.id}-details`}
                    aria-current={selected === test.id ? 'true' : undefined}
                    onClick={() => onSelect(test)}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <Badge
                        id={`test-${test.id}-verdict`}
                        size="sm"
                        variant="light"
                        color={STATUS_COLOUR[test.status]}
                        style={{ flexShrink: 0 }}
                      >
                        {test.status}
                      </Badge>
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text size="sm" truncate>
                          {test.title}
                        </Text>
                        <Text id={`test-${test.id}-details`} size="xs" c="dimmed" truncate>
                          {test.kind}
                          {test.priority ? ` · ${test.priority}` : ''} · {test.target ?? '—'}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Stack>
  );
}
