import type { BodyItem } from '../model/source-model.ts';

/**
 * The JSON that `python-ast-summary.py` prints, one entry per file. Columns are 1-based
 * characters; absent parts (no keywords, no receiver) are left out to keep batches small.
 */
export interface RawPosition {
  line: number;
  col: number;
}

export interface RawSpan extends RawPosition {
  endLine: number;
}

export interface RawDecorator extends RawPosition {
  name: string | null;
  /** Present when the decorator is called: `@allure.title("…")`, not `@allure.manual`. */
  args?: (string | null)[];
  kw?: Record<string, string | null>;
}

export interface RawStep extends RawSpan {
  callee: string | null;
  text: string | null;
  empty: boolean;
  steps: RawStep[];
}

export interface RawFunction extends RawSpan {
  name: string;
  decorators: RawDecorator[];
  doc: string | null;
  params: string[];
  returns: string | null;
  body: BodyItem[];
  steps: RawStep[];
  /** assert statements and calls named expect…/assert… */
  asserts: number;
}

export interface RawClass extends RawSpan {
  name: string;
  decorators: RawDecorator[];
  methods: RawFunction[];
}

export interface RawImport extends RawPosition {
  module: string;
  name: string | null;
  alias: string | null;
}

export interface RawCall extends RawPosition {
  callee: string | null;
  args: (string | null)[];
  kw?: Record<string, string | null>;
  recv?: string | null;
}

export interface RawString extends RawPosition {
  value: string;
  key?: string | null;
}

export interface RawPythonError {
  path: string;
  /** The unparsable text mentions allure.manual or allure_step. */
  manual?: boolean;
  error: { message: string; line: number; col: number };
}

export interface RawPythonModule {
  path: string;
  imports: RawImport[];
  classes: RawClass[];
  functions: RawFunction[];
  calls: RawCall[];
  strings: RawString[];
}

export type RawPythonFile = RawPythonError | RawPythonModule;
