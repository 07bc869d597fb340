import { Code } from '@mantine/core';
import { OptimisationView } from './optimisation-view.tsx';
import { PlanView } from './plan-view.tsx';
import type { OptimisationReport, StandardsReport, TestPlan } from './report-types.ts';
import { StandardsView } from './standards-view.tsx';

/** A task's report, by its kind; a kind this UI does not know yet is shown as JSON. */
export function ReportView({ kind, report }: { kind: string; report: unknown }) {
  switch (kind) {
    case 'standards':
      return <StandardsView report={report as StandardsReport} />;
    case 'optimisation':
      return <OptimisationView report={report as OptimisationReport} />;
    case 'test-plan':
      return <PlanView plan={report as TestPlan} />;
    default:
      return (
        <Code block aria-label="Report">
          {JSON.stringify(report, null, 2)}
        </Code>
      );
  }
}
