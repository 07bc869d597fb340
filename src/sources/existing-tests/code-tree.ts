/**
 * A small, language-neutral tree of what a test file says: the Python `ast` script and the
 * TypeScript compiler walk both produce it, so one reader turns either into ExistingTests.
 * Only the shapes tests use are kept; anything else becomes `other` with its source text.
 */
export type CodeExpr =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'name'; id: string }
  | { t: 'attr'; of: CodeExpr; name: string }
  | { t: 'index'; of: CodeExpr; index: CodeExpr }
  | { t: 'call'; callee: CodeExpr; args: CodeExpr[]; kwargs: CodeKeyword[]; line: number; isNew?: boolean }
  | { t: 'list'; items: CodeExpr[] }
  | { t: 'dict'; entries: { key: CodeExpr; value: CodeExpr }[] }
  | { t: 'func'; body: CodeStmt[]; end?: number }
  | { t: 'cmp'; op: string; left: CodeExpr; right: CodeExpr }
  | { t: 'other'; text: string };

export interface CodeKeyword {
  name: string;
  value: CodeExpr;
}

export type CodeStmt =
  | { s: 'expr'; e: CodeExpr; line: number }
  | { s: 'return'; e: CodeExpr; line: number }
  | { s: 'assign'; targets: CodeExpr[]; value: CodeExpr; line: number }
  | { s: 'with'; items: CodeExpr[]; body: CodeStmt[]; line: number }
  | { s: 'assert'; e: CodeExpr; line: number }
  | { s: 'block'; body: CodeStmt[]; line: number }
  | CodeClass
  | CodeFunction;

export interface CodeClass {
  s: 'class';
  name: string;
  decorators: CodeExpr[];
  body: CodeStmt[];
  doc: string | undefined;
  line: number;
  end: number;
}

export interface CodeFunction {
  s: 'def';
  name: string;
  decorators: CodeExpr[];
  params: string[];
  body: CodeStmt[];
  doc: string | undefined;
  line: number;
  end: number;
}

/** One parsed file, or why it could not be parsed. */
export type ParsedFile =
  | { file: string; ok: true; body: CodeStmt[] }
  | { file: string; ok: false; message: string; line: number | undefined };

/** `api.send` → `api.send`; `page.getByRole(…).click` → `page.getByRole().click`. */
export function calleeName(expr: CodeExpr): string {
  switch (expr.t) {
    case 'name':
      return expr.id;
    case 'attr':
      return `${calleeName(expr.of)}.${expr.name}`;
    case 'call':
      return `${calleeName(expr.callee)}()`;
    case 'index':
      return `${calleeName(expr.of)}[]`;
    default:
      return '';
  }
}

/** The last name of a callee: `expect_status`, `send`, `toHaveText`. */
export function lastName(expr: CodeExpr): string {
  if (expr.t === 'name') return expr.id;
  if (expr.t === 'attr') return expr.name;
  return '';
}

export function stringValue(expr: CodeExpr | undefined): string | undefined {
  return expr?.t === 'str' ? expr.v : undefined;
}

export function keyword(call: CodeExpr & { t: 'call' }, name: string): CodeExpr | undefined {
  return call.kwargs.find((candidate) => candidate.name === name)?.value;
}

/** The value of `key` in a dict literal (`{ method: 'POST' }` or `{"method": "POST"}`). */
export function dictValue(dict: CodeExpr | undefined, key: string): CodeExpr | undefined {
  if (dict?.t !== 'dict') return undefined;
  return dict.entries.find((entry) => dictKey(entry.key) === key)?.value;
}

export function dictKey(key: CodeExpr): string | undefined {
  if (key.t === 'str') return key.v;
  if (key.t === 'name') return key.id;
  if (key.t === 'num') return String(key.v);
  return undefined;
}
