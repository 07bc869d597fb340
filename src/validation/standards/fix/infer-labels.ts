import type { TestNode } from '../model/source-model.ts';

const API_SIGNALS = [
  /\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+\//,
  /\bAPI\b/,
  /\bstatus(?: code)?\s+\d{3}\b/i,
  /\b(endpoint|request|response|payload|JSON|header)s?\b/i,
];
const UI_SIGNALS = [
  /\b(click|tap|press|scroll|hover)\w*\b/i,
  /\b(page|button|form|field|screen|tab|dialog|menu|browser|tooltip|modal)s?\b/i,
  /\b(open|enter|select|type)s?\b/i,
];

/**
 * The suite of a class of manual cases, read from what its cases say: requests and status codes
 * mean API, clicks and pages mean UI. Ties go to UI, where most manual cases live.
 */
export function inferSuite(className: string, tests: TestNode[], allowed: string[]): string {
  const texts = [
    className,
    ...tests.flatMap((test) => [
      test.title ?? '',
      test.description ?? '',
      ...test.steps.map((step) => step.text ?? ''),
    ]),
  ];
  const score = (signals: RegExp[]) =>
    texts.reduce((sum, text) => sum + signals.filter((signal) => signal.test(text)).length, 0);
  const suite = score(API_SIGNALS) > score(UI_SIGNALS) ? 'API' : 'UI';
  return allowed.includes(suite) ? suite : (allowed[0] ?? suite);
}

/** "TestDiskAttachment" → "Disk attachment": a starting point for feature and story. */
export function featureFromClass(className: string): string {
  const words = className
    .replace(/^Test_?/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const text = words.join(' ') || className;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The default when it is allowed, else the first allowed value. */
export function allowedDefault(preferred: string, allowed: string[]): string {
  return allowed.includes(preferred) ? preferred : (allowed[0] ?? preferred);
}
