import type { TestStep } from '../../core/existing-test.ts';
import { lastName, stringValue, type CodeExpr } from './code-tree.ts';
import { parseStepText } from './step-text.ts';

/**
 * The steps of one test as they open and close. A nested "Expected: …" step is the expected
 * result of the step around it; a nested step without a phase inherits the outer one.
 */
export class StepRecorder {
  readonly steps: TestStep[] = [];
  private current: TestStep | undefined;

  /** Records the step, runs what it encloses inside it, and returns what that returned. */
  within<T>(title: string, line: number, visit: () => T): T {
    const parsed = parseStepText(title);
    if (parsed.isExpectation && this.current) {
      this.current.expected = parsed.text;
      return visit();
    }
    const inherited = parsed.phase === 'unknown' ? this.current?.phase : undefined;
    const step: TestStep = {
      phase: inherited ?? parsed.phase,
      text: parsed.text,
      expected: parsed.expected,
      line,
    };
    this.steps.push(step);
    const outer = this.current;
    this.current = step;
    try {
      return visit();
    } finally {
      this.current = outer;
    }
  }
}

/** `test.step('…', fn)`, `allure.step('…')`, `allure_step('…')`: the title, else undefined. */
export function stepTitle(expr: CodeExpr): string | undefined {
  if (expr.t !== 'call' || !['step', 'allure_step'].includes(lastName(expr.callee))) return undefined;
  return stringValue(expr.args[0]);
}

const RESOURCE_FACTORIES = /(^|\.)(resources|factory|factories|fixtures)$/i;

/** `resources.create('disk')` → `disk`: state a test sets up through a fixture, not a request. */
export function createdResource(call: CodeExpr & { t: 'call' }): string | undefined {
  if (call.callee.t !== 'attr' || call.callee.name !== 'create') return undefined;
  const receiver = call.callee.of;
  const name = receiver.t === 'name' ? receiver.id : receiver.t === 'attr' ? receiver.name : '';
  return RESOURCE_FACTORIES.test(name) ? (stringValue(call.args[0]) ?? 'resource') : undefined;
}
