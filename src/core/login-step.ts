import type { UiLocator } from './page-model.ts';

/**
 * A step of `--login-steps`: how a user signs in to a web app, with user-facing targets.
 * `${ENV_VAR}` in a value is read from the environment where the steps run, never stored.
 * The explorer runs them before exploring; the emitted UI suite runs them before its tests.
 */
export type LoginTarget =
  | { label: string }
  | { role: string; name?: string }
  | { text: string }
  | { placeholder: string }
  | { testId: string };

export type LoginStep =
  | { goto: string }
  | { fill: LoginTarget; value: string }
  | { click: LoginTarget }
  | { press: LoginTarget; key: string }
  | { waitFor: LoginTarget };

/** The locator a step's target names, or undefined when it names none of the known kinds. */
export function loginTargetLocator(target: unknown): UiLocator | undefined {
  const t = (target ?? {}) as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof t[key] === 'string' ? (t[key] as string) : undefined;
  if (text('role'))
    return {
      strategy: 'role',
      role: text('role')!,
      name: text('name'),
      exact: text('name') ? true : undefined,
    };
  if (text('label')) return { strategy: 'label', text: text('label')!, exact: true };
  if (text('placeholder')) return { strategy: 'placeholder', text: text('placeholder')! };
  if (text('testId')) return { strategy: 'testid', testId: text('testId')! };
  if (text('text')) return { strategy: 'text', text: text('text')! };
  return undefined;
}
