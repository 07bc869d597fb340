/** The parts of the run report (`testops-report.json`) the results screens read. */
export interface FindingOccurrence {
  test: string;
  operation: string;
  evidence: string;
  curl: string | undefined;
}

export interface Finding {
  id: string;
  kind: string;
  severity: string;
  title: string;
  signature: string;
  occurrences: FindingOccurrence[];
}

export interface RunReport {
  kind: 'api' | 'ui';
  findings: Finding[];
  flaky: { test: string; operation: string; passes: number; runs: number; reason: string }[];
  skippedTests: { test: string; reason: string }[];
}

/** Files beside an evidence file: the failing test's screenshot and trace. */
export function evidenceCompanions(evidence: string, files: readonly string[]): string[] {
  const folder = evidence.includes('/') ? evidence.slice(0, evidence.lastIndexOf('/') + 1) : '';
  const stem = evidence.slice(folder.length).replace(/\.[^.]+$/, '');
  return files.filter(
    (file) =>
      file !== evidence &&
      file.startsWith(folder) &&
      /\.(png|jpe?g|webp|zip)$/i.test(file) &&
      (file.slice(folder.length).startsWith(stem) || !file.slice(folder.length).includes('/')),
  );
}
