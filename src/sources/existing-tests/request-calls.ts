import type { DataValue } from '../../core/existing-test.ts';
import { calleeName, dictKey, lastName, stringValue, type CodeExpr } from './code-tree.ts';
import type { Scope } from './scope.ts';

export interface RequestCall {
  method: string;
  path: string;
  query: DataValue | undefined;
  pathParams: DataValue | undefined;
  body: DataValue | undefined;
  auth: string | undefined;
}

type Call = CodeExpr & { t: 'call' };

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** Receivers whose `.get('/path')` is an HTTP call, not a dictionary or a page-object lookup. */
const HTTP_CLIENTS = /(^|\.)(api|client|request|http|session|httpx|requests|api_?client|api_?context)$/i;
const OPTION_NAMES: Record<string, keyof Omit<RequestCall, 'method' | 'path' | 'auth'> | 'auth'> = {
  query: 'query',
  params: 'query',
  json: 'body',
  data: 'body',
  body: 'body',
  form: 'body',
  pathparams: 'pathParams',
  path_params: 'pathParams',
  auth: 'auth',
};

const RAW_OPTIONS = new Set(['raw', 'content']);

/**
 * An HTTP request made by a test: our suites' `api.send({ method, path, … })` (TypeScript) and
 * `api.send("POST", "/path", json=…)` (Python), and client-style `client.post("/path", json=…)`.
 */
export function readRequestCall(call: Call, scope: Scope): RequestCall | undefined {
  const name = lastName(call.callee).toLowerCase();
  if (name === 'send' || name === 'request') return sendCall(call, scope);
  const receiver = call.callee.t === 'attr' ? calleeName(call.callee.of) : '';
  if (!HTTP_METHODS.has(name) || !HTTP_CLIENTS.test(receiver)) return undefined;
  const path = stringValue(scope.resolve(call.args[0] ?? { t: 'null' }));
  if (!path || !/^(\/|https?:)/.test(path)) return undefined;
  const options = call.args[1] ? scope.resolve(call.args[1]) : undefined;
  return build(name, path, optionsOf(call, options), scope);
}

function sendCall(call: Call, scope: Scope): RequestCall | undefined {
  const first = call.args[0] ? scope.resolve(call.args[0]) : undefined;
  if (first?.t === 'dict') {
    const method = stringValue(entry(first, 'method'));
    const path = stringValue(entry(first, 'path') ?? entry(first, 'url'));
    return method && path ? build(method, path, first.entries, scope) : undefined;
  }
  const method = stringValue(first);
  const path = stringValue(call.args[1] ? scope.resolve(call.args[1]) : undefined);
  if (!method || !path || !HTTP_METHODS.has(method.toLowerCase())) return undefined;
  return build(method, path, optionsOf(call, undefined), scope);
}

function optionsOf(call: Call, options: CodeExpr | undefined): { key: CodeExpr; value: CodeExpr }[] {
  const keywords = call.kwargs.map((kw) => ({ key: { t: 'str', v: kw.name } as CodeExpr, value: kw.value }));
  return options?.t === 'dict' ? [...options.entries, ...keywords] : keywords;
}

function build(
  method: string,
  rawPath: string,
  options: { key: CodeExpr; value: CodeExpr }[],
  scope: Scope,
): RequestCall {
  const { path, query } = splitPath(rawPath);
  const request: RequestCall = {
    method: method.toUpperCase(),
    path,
    query,
    pathParams: undefined,
    body: undefined,
    auth: undefined,
  };
  for (const option of options) {
    const name = (dictKey(option.key) ?? '').toLowerCase();
    const field = OPTION_NAMES[name];
    // Raw bodies (malformed JSON, other content types) are bytes, not fields to check.
    if (RAW_OPTIONS.has(name)) request.body = { $expr: `raw(${scope.text(option.value)})` };
    else if (field === 'auth')
      request.auth = stringValue(scope.resolve(option.value)) ?? scope.text(option.value);
    else if (field) request[field] = scope.dataValue(option.value);
  }
  return request;
}

/** Absolute URLs keep only their path; a query string written into the path becomes `query`. */
function splitPath(raw: string): { path: string; query: DataValue | undefined } {
  const withoutOrigin = raw.replace(/^https?:\/\/[^/]+/i, '') || '/';
  const [path = '/', search] = withoutOrigin.split('?', 2);
  if (search === undefined) return { path, query: undefined };
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

function entry(dict: CodeExpr & { t: 'dict' }, key: string): CodeExpr | undefined {
  return dict.entries.find((candidate) => dictKey(candidate.key) === key)?.value;
}
