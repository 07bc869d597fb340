import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStandards, type Finding } from '../validation/standards/index.ts';
import { writeEmittedFiles } from './write-files.ts';
import type { ModelRun } from './model-run.ts';

/** Test files the standards check reads: Playwright specs and pytest modules. */
const TEST_FILE = /(\.spec\.ts|(^|\/)test_[^/]*\.py)$/;

/**
 * Model output becomes code only through the standards check, security rules included: the
 * suite built with the model's contribution is checked beside the one built without it, and
 * every error the first has that the second does not is returned. Warnings stay warnings.
 */
export async function modelStandardsErrors(
  assisted: Record<string, string>,
  deterministic: Record<string, string>,
  target: string | undefined,
): Promise<Finding[]> {
  const root = await mkdtemp(join(tmpdir(), 'testops-model-standards-'));
  try {
    const [withModel, without] = await Promise.all([
      errorsOf(assisted, join(root, 'assisted'), target),
      errorsOf(deterministic, join(root, 'deterministic'), target),
    ]);
    const known = new Set(without.map(findingKey));
    return withModel.filter((finding) => !known.has(findingKey(finding)));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function errorsOf(
  files: Record<string, string>,
  dir: string,
  target: string | undefined,
): Promise<Finding[]> {
  const tests = Object.fromEntries(Object.entries(files).filter(([name]) => TEST_FILE.test(name)));
  if (Object.keys(tests).length === 0) return [];
  await writeEmittedFiles(dir, tests);
  const report = await checkStandards([dir], { cwd: dir, ...(target ? { target } : {}) });
  return report.files.flatMap((file) => file.findings.filter((finding) => finding.severity === 'error'));
}

/** The same finding in both suites: rule, file, test and message (lines move when tests are added). */
function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.file, finding.test ?? '', finding.message].join('\n');
}

/** Reported when the standards check refuses what the model added. */
export const MODEL_STANDARDS_CAPABILITY = 'standards check of model output';

/**
 * The suite to deliver: the assisted one when its code passes the standards check as well as
 * the deterministic one does, else the deterministic one (the refusal is reported and logged).
 */
export async function gateModelCode<Suite>(
  run: ModelRun,
  suites: { assisted: Suite; deterministic: () => Suite },
  emit: (suite: Suite) => Promise<Record<string, string>> | Record<string, string>,
  context: { capability: string; target: string | undefined },
): Promise<Suite> {
  const deterministic = suites.deterministic();
  const errors = await modelStandardsErrors(
    await emit(suites.assisted),
    await emit(deterministic),
    context.target,
  );
  if (errors.length === 0) {
    run.events({
      type: 'log',
      level: 'info',
      message: `${context.capability}: the code passed the standards check`,
    });
    return suites.assisted;
  }
  const first = errors[0]!;
  const message = `${context.capability} refused: ${errors.length} standards error(s), first ${first.ruleId} in ${first.file}:${first.line} (${first.message})`;
  run.events({ type: 'log', level: 'warn', message });
  run.record({
    capability: MODEL_STANDARDS_CAPABILITY,
    status: 'used',
    message,
    proposed: 1,
    rejected: 1,
    duplicates: 0,
    delivered: 0,
    repaired: 0,
    failedBatches: 0,
  });
  return deterministic;
}
