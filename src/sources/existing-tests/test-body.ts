import type { TestAssertion, TestRequest, TestStep, TestUiAction } from '../../core/existing-test.ts';
import type { CodeExpr, CodeStmt } from './code-tree.ts';
import type { PageObjects } from './locators.ts';
import { readAssertion, snakeCase } from './assertion-calls.ts';
import { readRequestCall } from './request-calls.ts';
import { Scope } from './scope.ts';
import { readStatusCheck } from './status-checks.ts';
import { createdResource, StepRecorder, stepTitle } from './step-recorder.ts';
import { readUiCall } from './ui-calls.ts';

export interface BodyFacts {
  steps: TestStep[];
  requests: TestRequest[];
  uiActions: TestUiAction[];
  assertions: TestAssertion[];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Walks one test body in source order, collecting its steps (with phase and expected result),
 * requests (with the statuses checked on their responses), UI actions and assertions.
 */
export class TestBodyReader {
  private readonly recorder = new StepRecorder();
  readonly facts: BodyFacts = { steps: this.recorder.steps, requests: [], uiActions: [], assertions: [] };
  private readonly scope = new Scope();
  private readonly responses = new Map<string, number>();
  private readonly context: string[] = [];
  private currentUrl: string | undefined;

  constructor(private readonly pages: PageObjects) {}

  /** Returns the request whose response the statements return, for `x = step(() => api.send())`. */
  statements(body: CodeStmt[]): number | undefined {
    let returned: number | undefined;
    for (const statement of body) returned = this.statement(statement) ?? returned;
    return returned;
  }

  private statement(statement: CodeStmt): number | undefined {
    switch (statement.s) {
      case 'assign':
        return this.assignment(statement.targets, statement.value);
      case 'expr':
        this.expression(statement.e);
        return undefined;
      case 'return':
        return this.expression(statement.e);
      case 'with':
        this.withBlock(statement.items, statement.body);
        return undefined;
      case 'assert':
        this.assertStatement(statement.e, statement.line);
        return undefined;
      case 'block':
        return this.statements(statement.body);
      case 'class':
      case 'def':
        return undefined;
    }
  }

  private assignment(targets: CodeExpr[], value: CodeExpr): undefined {
    const request = this.expression(value);
    for (const target of targets.filter((candidate) => candidate.t === 'name')) {
      if (request === undefined) this.scope.bind(target.id, value);
      else {
        // A response is named by its request, so `response` and `response1` compare equal.
        this.responses.set(target.id, request);
        this.scope.bind(target.id, { t: 'other', text: `<response ${request + 1}>` });
      }
    }
    return undefined;
  }

  private withBlock(items: CodeExpr[], body: CodeStmt[]): void {
    const step = items.find((item) => stepTitle(item) !== undefined);
    for (const item of items.filter((candidate) => candidate !== step)) this.expression(item);
    if (step) this.recorder.within(stepTitle(step)!, lineOf(step), () => this.statements(body));
    else this.statements(body);
  }

  private expression(expr: CodeExpr): number | undefined {
    if (expr.t === 'func') return this.statements(expr.body);
    if (expr.t === 'list') expr.items.forEach((item) => this.expression(item));
    if (expr.t === 'dict') expr.entries.forEach((entry) => this.expression(entry.value));
    if (expr.t !== 'call') return undefined;
    const title = stepTitle(expr);
    if (title !== undefined) {
      const callback = expr.args.find((arg) => arg.t === 'func');
      return this.recorder.within(title, expr.line, () => (callback ? this.expression(callback) : undefined));
    }
    return this.call(expr);
  }

  private call(call: CodeExpr & { t: 'call' }): number | undefined {
    const request = readRequestCall(call, this.scope);
    if (request) return this.addRequest(request, call.line);
    if (this.statusCheck(call)) return undefined;
    const ui = readUiCall(call, this.scope, this.pages);
    if (ui) return this.addUiAction(ui, call);
    const assertion = readAssertion(call, call.line, this.scope, this.responses);
    if (assertion) {
      this.facts.assertions.push(assertion);
      return undefined;
    }
    const kind = createdResource(call);
    if (kind) this.context.push(`create ${kind}`);
    [call.callee, ...call.args, ...call.kwargs.map((kw) => kw.value)].forEach((part) =>
      this.expression(part),
    );
    return undefined;
  }

  private addRequest(
    request: Omit<TestRequest, 'expectedStatuses' | 'context' | 'line'>,
    line: number,
  ): number {
    this.facts.requests.push({ ...request, expectedStatuses: [], context: [...this.context], line });
    if (WRITE_METHODS.has(request.method)) this.context.push(`${request.method} ${request.path}`);
    return this.facts.requests.length - 1;
  }

  private addUiAction(action: TestUiAction, call: CodeExpr & { t: 'call' }): undefined {
    if (action.kind === 'goto') this.currentUrl = action.url;
    this.facts.uiActions.push({ ...action, url: action.url ?? this.currentUrl });
    if (action.kind === 'expect') {
      const args = call.args.map((arg) => this.scope.dataValue(arg));
      const kind = `expect.${snakeCase(action.matcher!.replace('.', '_'))}`;
      this.facts.assertions.push({ kind, request: undefined, args, line: call.line });
    }
    return undefined;
  }

  /** Adds the statuses a check accepts to the request it checks (the last one if unnamed). */
  private statusCheck(expr: CodeExpr): boolean {
    const status = readStatusCheck(expr, this.scope);
    if (!status) return false;
    const index = status.subject === undefined ? undefined : this.responses.get(status.subject);
    const request = this.facts.requests[index ?? this.facts.requests.length - 1];
    if (request) request.expectedStatuses = [...new Set([...request.expectedStatuses, ...status.statuses])];
    return true;
  }

  private assertStatement(expr: CodeExpr, line: number): void {
    if (this.statusCheck(expr)) return;
    const assertion = readAssertion(expr, line, this.scope, this.responses) ?? {
      kind: 'assert',
      request: undefined,
      args: [{ $expr: this.scope.text(expr) }],
      line,
    };
    this.facts.assertions.push(assertion);
  }
}

function lineOf(expr: CodeExpr): number {
  return expr.t === 'call' ? expr.line : 0;
}
