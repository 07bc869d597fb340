// The Allure ID of each exported case lives in the Allure-as-code module itself, as
// `@allure.id("123")` above the test method (the decorator allure-pytest reads), so the next
// export updates that case, and results uploaded with allurectl land on it too.

const DEF_LINE = /^(\s*)def (test_[A-Za-z0-9_]+)\s*\(/;
const ID_LINE = /^\s*@allure\.id\(\s*["'](\d+)["']\s*\)\s*$/;
const DECORATOR_LINE = /^\s*@/;

/** Allure IDs written in a module, by case id (the method name without `test_`). */
export function readAllureIds(source: string): Map<string, number> {
  const ids = new Map<string, number>();
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    const method = DEF_LINE.exec(line)?.[2];
    if (!method) return;
    for (let above = index - 1; above >= 0 && DECORATOR_LINE.test(lines[above]!); above -= 1) {
      const id = ID_LINE.exec(lines[above]!)?.[1];
      if (id) ids.set(method.slice('test_'.length), Number(id));
    }
  });
  return ids;
}

/**
 * The module with `@allure.id("…")` set on the given cases: an existing decorator is replaced,
 * otherwise one is added as the method's first decorator. Other lines are kept as written.
 */
export function writeAllureIds(source: string, ids: ReadonlyMap<string, number>): string {
  const lines = source.split('\n');
  const out: string[] = [];
  let decoratorsStart = -1;
  for (const line of lines) {
    const def = DEF_LINE.exec(line);
    if (DECORATOR_LINE.test(line)) {
      if (decoratorsStart < 0) decoratorsStart = out.length;
    } else if (def && ids.has(def[2]!.slice('test_'.length))) {
      const id = ids.get(def[2]!.slice('test_'.length))!;
      const start = decoratorsStart < 0 ? out.length : decoratorsStart;
      const decorators = out.splice(start).filter((candidate) => !ID_LINE.test(candidate));
      out.push(`${def[1]}@allure.id("${id}")`, ...decorators);
      decoratorsStart = -1;
    } else {
      decoratorsStart = -1;
    }
    out.push(line);
  }
  return out.join('\n');
}
