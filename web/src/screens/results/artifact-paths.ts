/**
 * Paths in reports are relative to the suite (`evidence/x.json`, `tests/vms.spec.ts`) while a
 * task's files hold the suite in a folder of its own (`api-suite/…`): the file a report means.
 */
export function resolveArtifact(path: string, files: readonly string[]): string | undefined {
  return files.find((file) => file === path) ?? files.find((file) => file.endsWith(`/${path}`));
}

const TEST_FILE = /(\.(spec|test)\.[cm]?[jt]s|(^|\/)test_[^/]*\.py|_test\.py)$/;

/** The emitted test files, the ones a test's code can be in. */
export function testFiles(files: readonly string[]): string[] {
  return files.filter((file) => TEST_FILE.test(file));
}

/** The line (1-based) that declares the test with this title, or undefined when the file does not. */
export function declarationLine(source: string, title: string): number | undefined {
  const quoted = [JSON.stringify(title), `'${title.replace(/'/g, "\\'")}'`, `\`${title}\``];
  const lines = source.split('\n');
  const index = lines.findIndex((line) => quoted.some((text) => line.includes(text)));
  if (index >= 0) return index + 1;
  const loose = lines.findIndex((line) => line.includes(title));
  return loose >= 0 ? loose + 1 : undefined;
}
