import { Grid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { Task, TestItem } from '../../api/api-types.ts';
import { useAllTests } from '../../api/tests.ts';
import { useTaskFiles, useTaskReport } from '../../api/tasks.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Empty, Loading } from '../../components/page-states.tsx';
import { ReportView } from '../quality/report-view.tsx';
import { DefectCard } from './defect-card.tsx';
import { FileBrowser } from './file-browser.tsx';
import type { RunReport } from './run-report.ts';
import { TestDetail } from './test-detail.tsx';
import { TestList } from './test-list.tsx';

const SUITES = new Set(['api-tests', 'test-cases']);

function TestsTab({ taskId }: { taskId: string }) {
  const tests = useAllTests(taskId, true);
  const [selected, setSelected] = useState<TestItem>();
  if (tests.isPending) return <Loading label="Loading the tests…" />;
  if (tests.error) return <ErrorPanel error={tests.error} onRetry={() => void tests.refetch()} />;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <TestList tests={tests.data} selected={selected?.id} onSelect={setSelected} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {selected ? (
          <TestDetail taskId={taskId} test={selected} />
        ) : (
          <Empty title="Choose a test to read its code" />
        )}
      </Grid.Col>
    </Grid>
  );
}

function DefectsTab({ taskId, report }: { taskId: string; report: RunReport }) {
  const files = useTaskFiles(taskId, true);
  const paths = files.data?.items.map((file) => file.path) ?? [];
  if (report.findings.length === 0)
    return (
      <Empty title="No suspected defects">
        Every test that ran passed on every repeat, or was quarantined as flaky.
      </Empty>
    );
  return (
    <Stack gap="md">
      {report.findings.map((finding) => (
        <DefectCard key={finding.id} taskId={taskId} finding={finding} files={paths} />
      ))}
      {report.flaky.length > 0 && (
        <Text size="sm">
          Flaky (quarantined):{' '}
          {report.flaky.map((item) => `${item.test} (${item.passes}/${item.runs})`).join(', ')}
        </Text>
      )}
    </Stack>
  );
}

/** What a completed task produced: tests, suspected defects, files, and its report. */
export function ResultsTabs({ task }: { task: Task }) {
  const report = useTaskReport<unknown>(task.request_id, true);
  const suite = SUITES.has(task.kind);
  const runReport = report.data?.kind === 'run-report' ? (report.data.report as RunReport) : undefined;
  return (
    <Tabs defaultValue={suite ? 'tests' : 'report'} keepMounted={false}>
      <Tabs.List>
        {suite && <Tabs.Tab value="tests">Tests</Tabs.Tab>}
        {runReport && <Tabs.Tab value="defects">Suspected defects ({runReport.findings.length})</Tabs.Tab>}
        {!suite && <Tabs.Tab value="report">Report</Tabs.Tab>}
        <Tabs.Tab value="files">Files</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="tests" pt="md">
        <TestsTab taskId={task.request_id} />
      </Tabs.Panel>
      <Tabs.Panel value="defects" pt="md">
        {runReport && <DefectsTab taskId={task.request_id} report={runReport} />}
      </Tabs.Panel>
      <Tabs.Panel value="report" pt="md">
        {report.isPending && <Loading label="Loading the report…" />}
        {report.error && <ErrorPanel error={report.error} />}
        {report.data && <ReportView kind={report.data.kind} report={report.data.report} />}
      </Tabs.Panel>
      <Tabs.Panel value="files" pt="md">
        <FileBrowser taskId={task.request_id} />
      </Tabs.Panel>
    </Tabs>
  );
}
