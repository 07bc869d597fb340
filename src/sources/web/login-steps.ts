// Logging in before exploring: a small YAML/JSON list of steps (goto, fill, click, press,
// waitFor) with user-facing targets, run once; the resulting cookies and storage seed every
// explored page. Secrets stay out of the file: `${ENV_VAR}` in a value is read from the environment.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { parse } from 'yaml';
import type { UiLocator } from '../../core/page-model.ts';
import { loginTargetLocator, type LoginStep } from '../../core/login-step.ts';
import { TestopsError, describeError } from '../../core/errors.ts';
import { newExplorationContext } from './launch-browser.ts';
import type { StorageSeed } from './launch-browser.ts';
import { guardRequests } from './request-guard.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export type { LoginStep };

const STEP_TIMEOUT_MS = 15_000;

function invalid(file: string, problem: string): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', problem, {
    where: file,
    expected:
      'a list of steps: goto, fill (+ value), click, press (+ key), waitFor; targets by label, role/name, text, placeholder or testId',
    hint: 'e.g. `- fill: { label: Email }\\n  value: ${LOGIN_EMAIL}`',
  });
}

function toLocator(target: unknown, file: string, index: number): UiLocator {
  const locator = loginTargetLocator(target);
  if (!locator)
    throw invalid(file, `step ${index + 1} has no target (label, role, text, placeholder or testId)`);
  return locator;
}

function expandEnv(value: string, file: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)\}/gi, (_match, name: string) => {
    const found = process.env[name];
    if (found === undefined) throw invalid(file, `environment variable ${name} is not set`);
    return found;
  });
}

export async function readLoginSteps(file: string): Promise<LoginStep[]> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the login steps file cannot be read', {
      where: file,
      expected: 'a readable YAML or JSON file',
      hint: 'check the path given for the login steps.',
      cause: error,
    });
  });
  const steps: unknown = parse(text);
  if (!Array.isArray(steps) || steps.some((step) => !step || typeof step !== 'object')) {
    throw invalid(file, 'the file is not a list of steps');
  }
  return steps as LoginStep[];
}

async function runStep(page: Page, step: LoginStep, start: URL, file: string, index: number): Promise<void> {
  const options = { timeout: STEP_TIMEOUT_MS };
  if ('goto' in step) return void (await page.goto(new URL(step.goto, start).href, options));
  if ('fill' in step)
    return toPlaywrightLocator(page, toLocator(step.fill, file, index)).fill(
      expandEnv(String(step.value ?? ''), file),
      options,
    );
  if ('click' in step) return toPlaywrightLocator(page, toLocator(step.click, file, index)).click(options);
  if ('press' in step)
    return toPlaywrightLocator(page, toLocator(step.press, file, index)).press(String(step.key), options);
  if ('waitFor' in step)
    return toPlaywrightLocator(page, toLocator(step.waitFor, file, index)).waitFor(options);
  throw invalid(file, `step ${index + 1} is none of goto, fill, click, press, waitFor`);
}

/** Runs the login steps from the start URL and returns the storage state they produced. */
export async function logIn(
  browser: Browser,
  file: string,
  start: URL,
  seed: StorageSeed | undefined,
  check: ((url: URL) => Promise<void>) | undefined,
): Promise<StorageSeed> {
  const steps = await readLoginSteps(file);
  const context = await newExplorationContext(browser, {
    viewport: { width: 1280, height: 800 },
    storageState: seed,
  });
  try {
    // Identity providers live on other origins: only the SSRF check applies here.
    await guardRequests(context, { origin: undefined, check, onRefused: () => undefined });
    const page = await context.newPage();
    await page.goto(start.href, { timeout: STEP_TIMEOUT_MS });
    for (const [index, step] of steps.entries()) {
      await runStep(page, step, start, file, index).catch((error: unknown) => {
        if (error instanceof TestopsError) throw error;
        throw new TestopsError(
          'TESTOPS_LOGIN_FAILED',
          `login step ${index + 1} failed: ${describeError(error).split('\n')[0]}`,
          {
            where: `${file} step ${index + 1}`,
            expected: JSON.stringify(step).replace(/"value":"[^"]*"/, '"value":"…"'),
            hint: 'check the target against the login page, or pass a saved storage state instead (--storage-state).',
            cause: error,
          },
        );
      });
    }
    await page.waitForLoadState('load', { timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
