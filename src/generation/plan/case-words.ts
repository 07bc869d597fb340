import type { ManualCase } from '../../core/manual-case.ts';

/**
 * Words a case is about, normalised so that a defect component `Disks`, a tag `disk`, a path
 * `/api/v1/disks/{disk_id}` and a section `Configuration › Disks` all meet on `disk`. Steps and
 * preconditions are left out: every API case's steps mention the token, every UI case the page.
 */
export function caseTokens(manualCase: ManualCase): Set<string> {
  const texts = [manualCase.feature, manualCase.story, ...manualCase.tags];
  for (const trace of manualCase.trace) {
    if (trace.kind === 'operation') texts.push(operationWords(trace.operation));
    if (trace.kind === 'element') texts.push(trace.page);
  }
  return new Set(texts.flatMap(tokens));
}

/** `VMs` → [`vm`], `Price Calculator` → [`price`, `calculator`], `get-vnc` → [`get`, `vnc`]. */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map(singular);
}

/** Whether every word of a name (a component, a feature) is among a case's tokens. */
export function mentions(caseWords: Set<string>, name: string): boolean {
  const words = tokens(name);
  return words.length > 0 && words.every((word) => caseWords.has(word));
}

/** The text a case states its purpose in, for impact words: never its steps. */
export function statementText(manualCase: ManualCase): string {
  const requirementTexts = manualCase.trace.flatMap((trace) =>
    trace.kind === 'requirement' ? [trace.text] : [],
  );
  return [manualCase.title, manualCase.description, manualCase.story, ...manualCase.tags, ...requirementTexts]
    .join(' \n ')
    .replace(FILE_REFERENCE, ' ')
    .toLowerCase();
}

// `(price-calculator.md:45)` in a description names the source, not what the case is about.
const FILE_REFERENCE = /[\w./-]+\.(md|markdown|txt|feature|ya?ml|json)(:\d+)?/gi;

/** `GET /api/v1/disks/{disk_id}/attach` → `disks attach`: the path's words, not its ids or version. */
export function operationWords(operation: string): string {
  const path = operation.split(' ')[1] ?? operation;
  return path
    .split('/')
    .filter((segment) => !/^[{$]/.test(segment) && !/^v\d+(\.\d+)?$/i.test(segment) && segment !== 'api')
    .join(' ');
}

// English plurals only: enough for component names (VMs, Disks, Flavors) and path segments.
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 2 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
