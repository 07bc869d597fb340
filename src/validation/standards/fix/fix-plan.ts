import type { FixChange } from '../model/standards-report.ts';

/**
 * What a fix will do to one file: line edits and the changes to report. Fixes only add lines
 * (decorators, imports) or move whole lines (step blocks), so they never rewrite what a line
 * says: test logic stays as written, and a reviewer sees a diff of added and moved lines only.
 */
export interface FixPlan {
  edits: LineEdit[];
  changes: FixChange[];
}

export type LineEdit =
  /** Insert lines before this 1-based line (`lines + 1` appends). */
  | { kind: 'insert'; before: number; lines: string[] }
  /** Replace 1-based lines from..to (inclusive) with these. */
  | { kind: 'replace'; from: number; to: number; lines: string[] };

export function applyEdits(text: string, edits: LineEdit[]): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  // Bottom-up, so earlier line numbers stay valid; inserts at one line keep their given order.
  const ordered = edits
    .map((edit, index) => ({ edit, index, at: edit.kind === 'insert' ? edit.before : edit.from }))
    .sort((a, b) => b.at - a.at || b.index - a.index);
  for (const { edit } of ordered) {
    if (edit.kind === 'insert') lines.splice(edit.before - 1, 0, ...edit.lines);
    else lines.splice(edit.from - 1, edit.to - edit.from + 1, ...edit.lines);
  }
  return lines.join(newline);
}

/** The leading whitespace of a 1-based line. */
export function indentOf(lines: string[], line: number): string {
  return /^\s*/.exec(lines[line - 1] ?? '')?.[0] ?? '';
}

/** A Python string literal for any text: JSON's escaping is valid Python. */
export function pythonString(text: string): string {
  return JSON.stringify(text);
}
