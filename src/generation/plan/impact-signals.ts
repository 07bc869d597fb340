import type { CasePriority, ManualCase } from '../../core/manual-case.ts';
import { statementText } from './case-words.ts';

/** What makes a failure expensive: each signal a case shows raises its criticality. */
export type ImpactSignal = 'writes data' | 'authentication' | 'money' | 'criticality wording';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Stems, matched at word starts: `delet` catches delete/deleted/deletion. Russian stems because
// the specs we plan for (Evolution Compute) are documented in Russian.
const WRITE_WORDS =
  /\b(creat|add(s|ed|ing)?\b|delet|remov|updat|sav|submit|attach|detach|power)|(созда|удал|измен)/u;
const AUTH_WORDS =
  /\b(auth|login|log in|password|token|credential|permission|unauthori[sz]ed|forbidden|401|403)/u;
const MONEY_WORDS =
  /\b(pric|cost|pay(s|ment|ments)?\b|billing|invoice|vat\b|tax|total|tariff|currency|discount|rub(le|les)?\b|roubles?\b)|₽|(цен|стоимост|оплат)/u;
// Not "must not" or "never": requirements state every rule with them.
const CRITICAL_WORDS =
  /\b(critical|data loss|lost|security|irreversibl|legal|compliance|safety)|(критич|безопасн)/u;

/** What a case or an existing test shows about itself, enough to find its impact signals. */
export interface SignalSubject {
  /** Its statement (title, description, tags, traced requirement), lower case. */
  text: string;
  /** HTTP methods it sends, upper case; empty when it is no API check. */
  methods: string[];
  authCheck: boolean;
}

/** The impact signals a case shows, in a fixed order. */
export function impactSignals(manualCase: ManualCase): ImpactSignal[] {
  const methods = manualCase.trace.flatMap((trace) =>
    trace.kind === 'operation' ? [trace.operation.split(' ')[0]?.toUpperCase() ?? ''] : [],
  );
  return signalsOf({ text: statementText(manualCase), methods, authCheck: manualCase.kind === 'auth' });
}

export function signalsOf(subject: SignalSubject): ImpactSignal[] {
  const signals: ImpactSignal[] = [];
  // An API check says what it touches precisely; its words (e.g. "created disk") would over-match.
  const writes =
    subject.methods.length > 0
      ? subject.methods.some((method) => WRITE_METHODS.has(method))
      : WRITE_WORDS.test(subject.text);
  if (writes) signals.push('writes data');
  if (subject.authCheck || AUTH_WORDS.test(subject.text)) signals.push('authentication');
  if (MONEY_WORDS.test(subject.text)) signals.push('money');
  if (CRITICAL_WORDS.test(subject.text)) signals.push('criticality wording');
  return signals;
}

export const PRIORITY_WEIGHT: Record<CasePriority, number> = { CRITICAL: 3, NORMAL: 2, LOW: 1 };
export const SIGNAL_WEIGHT = 0.25;

/** criticality = priority weight × (1 + 0.25 × impact signals): 1 (LOW, none) to 6 (CRITICAL, all four). */
export function criticalityOf(priority: CasePriority, signals: readonly ImpactSignal[]): number {
  return PRIORITY_WEIGHT[priority] * (1 + SIGNAL_WEIGHT * signals.length);
}
