import type { RequestSpec, ValueExpr } from '../../core/test-case.ts';
import { pyString, pyWrap } from './python-literal.ts';
import { renderPyExpression, TEST_SCOPE, type ExpressionScope } from './render-expression.ts';

/**
 * `api.send("GET", "/api/v1/disks", query={...})`, on one line when it fits, else one argument
 * per line. `bodyName` names a variable already holding the JSON body.
 */
export function renderSend(
  request: RequestSpec,
  bodyName: string | undefined,
  indent: string,
  scope: ExpressionScope = TEST_SCOPE,
): string {
  const inner = indent + '    ';
  const args = [pyString(request.method), pyString(request.path)];
  const pathParams = Object.entries(request.pathParams);
  if (pathParams.length > 0) args.push(`path_params=${renderMapping(pathParams, inner, scope)}`);
  const query = Object.entries(request.query);
  if (query.length > 0) args.push(`query=${renderMapping(query, inner, scope)}`);
  const headers = Object.entries(request.headers);
  if (headers.length > 0) {
    args.push(
      `headers={${headers.map(([name, value]) => `${pyString(name)}: ${pyString(value)}`).join(', ')}}`,
    );
  }
  if (request.body?.kind === 'json') {
    args.push(`json=${bodyName ?? renderPyExpression(request.body.value, inner, scope)}`);
  }
  if (request.body?.kind === 'multipart') {
    args.push(`multipart=${bodyName ?? renderPyExpression(request.body.value, inner, scope)}`);
    args.push(`files=[${request.body.files.map(pyString).join(', ')}]`);
  }
  if (request.body?.kind === 'raw') {
    args.push(`raw=RawBody(${pyString(request.body.text)}, ${pyString(request.body.contentType)})`);
  }
  if (request.auth !== 'valid') args.push(`auth=${pyString(request.auth)}`);
  const inline = `api.send(${args.join(', ')})`;
  if (indent.length + inline.length <= 100 && !inline.includes('\n')) return inline;
  return `api.send(\n${args.map((arg) => `${inner}${arg},`).join('\n')}\n${indent})`;
}

function renderMapping(entries: [string, ValueExpr][], indent: string, scope: ExpressionScope): string {
  const parts = entries.map(
    ([name, value]) => `${pyString(name)}: ${renderPyExpression(value, indent + '    ', scope)}`,
  );
  return pyWrap('{', parts, '}', indent);
}
