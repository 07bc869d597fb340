import type { FailureClass, TriageFailure } from '../core/triage.ts';

export interface Classification {
  class: FailureClass;
  /** Why, one line per rule that matched. */
  reasons: string[];
}

interface Rule {
  class: FailureClass;
  /** A reason when the rule matches the failure. */
  match(failure: TriageFailure, text: string): string | undefined;
}

const when =
  (pattern: RegExp, reason: string) =>
  (_failure: TriageFailure, text: string): string | undefined =>
    pattern.test(text) ? reason : undefined;

// Order is precedence: a retry that passed says flaky whatever the message; a refused connection
// says environment even when an assertion then failed on the missing response.
const RULES: Rule[] = [
  {
    class: 'flaky',
    match: (failure) =>
      failure.status === 'flaky' || (failure.passes > 0 && failure.passes < failure.runs)
        ? `passed ${failure.passes} of ${failure.runs} attempts: the same code gave different results`
        : undefined,
  },
  {
    class: 'environment',
    match: when(
      /ECONNREFUSED|connection refused|ERR_CONNECTION_REFUSED/i,
      'connection refused: nothing listened at the target',
    ),
  },
  {
    class: 'environment',
    match: when(
      /ECONNRESET|socket hang up|connection reset|ERR_CONNECTION_RESET|EPIPE/i,
      'connection reset by the target or a proxy',
    ),
  },
  {
    class: 'environment',
    match: when(
      /ENOTFOUND|EAI_AGAIN|getaddrinfo|ERR_NAME_NOT_RESOLVED/i,
      'the target host name did not resolve (DNS)',
    ),
  },
  {
    class: 'environment',
    match: when(
      /ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_CONNECTION_TIMED_OUT|ERR_INTERNET_DISCONNECTED/i,
      'the network did not reach the target',
    ),
  },
  {
    class: 'environment',
    match: when(
      /\bstatus (502|503|504)\b|\b(502|503|504) (Bad Gateway|Service Unavailable|Gateway Timeout)/i,
      'a gateway or an unavailable service answered (502/503/504)',
    ),
  },
  {
    class: 'environment',
    match: when(
      /Executable doesn't exist|browserType\.launch|ENOSPC|ENOMEM|out of memory/i,
      'the machine running the tests lacks a browser, disk or memory',
    ),
  },
  {
    class: 'test-defect',
    match: when(/strict mode violation/i, 'strict mode violation: the locator matches several elements'),
  },
  {
    class: 'test-defect',
    match: (_failure, text) =>
      /element\(s\) not found/i.test(text) ||
      (/Timeout \d+ms exceeded/i.test(text) &&
        /waiting for (getBy|locator|frameLocator|page\.locator)/.test(text) &&
        !/Received:/.test(text))
        ? 'locator not found: no element matches what the test looks for'
        : undefined,
  },
  {
    class: 'test-defect',
    match: when(
      /\b(SyntaxError|ReferenceError|NameError|ImportError|ModuleNotFoundError|fixture '[^']+' not found)\b|is not a function|is not defined/,
      'the test code itself fails (syntax, missing name or fixture)',
    ),
  },
  {
    class: 'product-defect',
    match: (failure) =>
      failure.findingSignature
        ? `verification found a ${failure.findingSignature.split('|')[0]} defect`
        : undefined,
  },
  {
    class: 'product-defect',
    match: (_failure, text) => {
      const status =
        /\bstatus (5\d\d)\b|\b(5\d\d) (?:Internal Server Error|Not Implemented)|Received:\s*(5\d\d)\b/.exec(
          text,
        );
      return status ? `server error ${status[1] ?? status[2] ?? status[3]} from the target` : undefined;
    },
  },
  {
    class: 'product-defect',
    match: when(
      /\bstatus \d{3}\b.*\b(instead|expected)|expected[^\n]*\b[1-5]\d\d\b[^\n]*got[^\n]*\b[1-5]\d\d\b|Expected: [1-5]\d\d\s*\n\s*Received: [1-5]\d\d/is,
      'the response status differs from the expected one',
    ),
  },
  {
    class: 'product-defect',
    match: when(
      /\bbody\b|schema|content type|field "[^"]*"|Expected:[\s\S]*Received:|assert .* ==/i,
      'the response or page content differs from what the test checks',
    ),
  },
  {
    class: 'environment',
    match: (failure, text) =>
      failure.status === 'timedOut' || /Test timeout of \d+ms exceeded/.test(text)
        ? 'the test ran out of time with no failed check: a slow or unreachable target'
        : undefined,
  },
];

/** Deterministic classification: the first class whose rules match, with every matching reason of that class. */
export function classifyFailure(failure: TriageFailure): Classification {
  const text = [failure.message, failure.actual ?? ''].join('\n');
  for (const rule of RULES) {
    if (!rule.match(failure, text)) continue;
    const reasons = RULES.filter((other) => other.class === rule.class)
      .map((other) => other.match(failure, text))
      .filter((reason): reason is string => reason !== undefined);
    return { class: rule.class, reasons: [...new Set(reasons)] };
  }
  return {
    class: 'product-defect',
    reasons: [
      'a check failed with no sign of the environment, a retry or the test code: the product is suspected',
    ],
  };
}
