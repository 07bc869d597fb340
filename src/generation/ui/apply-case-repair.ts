import { repairAnswerRefusal } from '../../core/case-repair.ts';
import type { PageModel, SiteModel, UiElement } from '../../core/page-model.ts';
import type { UiAssertion, UiPageObject, UiStep, UiTarget, UiTestCase } from '../../core/ui-test-case.ts';
import { caseLines, expectedValue, type CaseLine } from './case-lines.ts';
import type { CaseRepairAnswer, CaseRepairChange } from './case-repair-proposals.ts';
import { locatorKey, memberName } from './locator-names.ts';
import { observedTexts } from './observed-texts.ts';

export type AppliedRepair =
  | { ok: true; testCase: UiTestCase; pages: UiPageObject[]; changes: string[] }
  | { ok: false; reason: string; changes: string[] };

interface RepairInput {
  testCase: UiTestCase;
  /** The suite's page objects: a new target joins its page's object. */
  pages: UiPageObject[];
  site: SiteModel;
  answer: CaseRepairAnswer;
}

/**
 * The model's edits applied to a copy of the case, or why they cannot be: every line, element
 * and page must exist (in the case, the page model), no setup click may be destructive, and an
 * expected value changes only to text the page model recorded, quoted as evidence. One bad edit
 * rejects the whole repair: half a repair is not the change the model proposed.
 */
export function applyCaseRepair(input: RepairInput): AppliedRepair {
  const testCase = structuredClone(input.testCase);
  const pages = structuredClone(input.pages);
  const lines = caseLines(input.testCase, input.site);
  const changes = input.answer.changes.map((change) => describeChange(change, lines));
  const answerRefusal = repairAnswerRefusal(input.answer, input.testCase.id);
  if (answerRefusal) return { ok: false, reason: answerRefusal, changes };
  // Steps by identity: inserted and moved steps leave the other edits' references valid.
  const steps = [...testCase.steps];
  const stepOf = (line: number) => steps[lines[line]!.step]!;
  const edit = new CaseEdit(testCase, pages, input.site);
  for (const change of input.answer.changes) {
    const missing = referencedLines(change).find((line) => lines[line] === undefined);
    if (missing !== undefined) return { ok: false, reason: `line ${missing} is not in the case`, changes };
    const refusal = edit.apply(change, lines, stepOf);
    if (refusal) return { ok: false, reason: refusal, changes };
  }
  // Accepted, each new expected value names where the page model recorded it.
  const named = input.answer.changes.map((change) =>
    describeChange(change, lines, edit.evidence.get(change)),
  );
  return { ok: true, testCase, pages, changes: named };
}

function referencedLines(change: CaseRepairChange): number[] {
  switch (change.op) {
    case 'replace-target':
    case 'change-expected':
      return [change.line];
    case 'move-step':
      return [change.line, change.before];
    case 'wait-for':
    case 'open-page':
    case 'click-first':
      return [change.before];
  }
}

/** One line per edit, for the report: what the model asked for, in words. */
function describeChange(change: CaseRepairChange, lines: CaseLine[], source?: string): string {
  const at = (line: number) => `line ${line}${lines[line] ? ` (${lines[line].text})` : ''}`;
  switch (change.op) {
    case 'replace-target':
      return `${at(change.line)}: target → ${change.element}`;
    case 'wait-for':
      return `wait for ${change.element} to show, before ${at(change.before)}`;
    case 'open-page':
      return `open page ${change.page}, before ${at(change.before)}`;
    case 'click-first':
      return `click ${change.element} first, before ${at(change.before)}`;
    case 'move-step':
      return `move the step of ${at(change.line)} before ${at(change.before)}`;
    case 'change-expected':
      return `${at(change.line)}: expected → ${JSON.stringify(change.value)} (evidence: ${JSON.stringify(change.evidence.quote)}${source ? `, ${source}` : ''})`;
  }
}

class CaseEdit {
  /** Where each accepted new expected value was recorded: the report names it. */
  readonly evidence = new Map<CaseRepairChange, string>();

  constructor(
    private readonly testCase: UiTestCase,
    private readonly pages: UiPageObject[],
    private readonly site: SiteModel,
  ) {}

  /** Applies one edit; a refusal says why and leaves the repair rejected. */
  apply(change: CaseRepairChange, lines: CaseLine[], stepOf: (line: number) => UiStep): string | undefined {
    switch (change.op) {
      case 'replace-target':
        return this.replaceTarget(lines[change.line]!, stepOf(change.line), change.element);
      case 'change-expected':
        return this.changeExpected(lines[change.line]!, stepOf(change.line), change);
      case 'wait-for':
      case 'click-first':
        return this.insertOnPage(change, stepOf(change.before));
      case 'open-page':
        return this.openPage(change.page, stepOf(change.before));
      case 'move-step':
        return this.moveStep(stepOf(change.line), stepOf(change.before));
    }
  }

  private replaceTarget(line: CaseLine, step: UiStep, elementId: string): string | undefined {
    if (!line.target) return `line ${line.line} has no element to replace`;
    const element = this.element(line.target.page, elementId);
    if (typeof element === 'string') return element;
    const target = this.target(line.target.page, element);
    const item = line.kind === 'action' ? step.actions[line.index]! : step.assertions[line.index]!;
    if (!('target' in item)) return `line ${line.line} has no element to replace`;
    item.target = target;
    return undefined;
  }

  private changeExpected(
    line: CaseLine,
    step: UiStep,
    change: Extract<CaseRepairChange, { op: 'change-expected' }>,
  ): string | undefined {
    const assertion = line.kind === 'assertion' ? step.assertions[line.index] : undefined;
    const before = assertion ? expectedValue(assertion) : undefined;
    if (!assertion || before === undefined) return `line ${line.line} checks no expected value`;
    const page = this.site.pages.find(
      (candidate) => candidate.id === (line.target?.page ?? this.pageAt(step)),
    );
    const evidence = page
      ? expectedValueEvidence(page, change.value, change.evidence.quote)
      : { refusal: 'no page to read evidence from' };
    if ('refusal' in evidence) return `expected value of line ${line.line} not changed: ${evidence.refusal}`;
    setExpected(assertion, change.value);
    this.evidence.set(change, evidence.source);
    return undefined;
  }

  private insertOnPage(
    change: Extract<CaseRepairChange, { op: 'wait-for' | 'click-first' }>,
    before: UiStep,
  ): string | undefined {
    const pageId = this.pageAt(before);
    const element = this.element(pageId, change.element);
    if (typeof element === 'string') return element;
    if (change.op === 'click-first' && element.destructive)
      return `${element.id} looks destructive (delete, pay, sign out): never clicked as setup`;
    const target = this.target(pageId, element);
    const step: UiStep =
      change.op === 'wait-for'
        ? {
            title: `wait for ${element.name || element.id}`,
            phase: before.phase,
            actions: [],
            assertions: [{ kind: 'visible', target }],
          }
        : {
            title: `click ${element.name || element.id} first`,
            phase: before.phase,
            actions: [{ kind: 'click', target }],
            assertions: [],
          };
    this.testCase.steps.splice(this.testCase.steps.indexOf(before), 0, step);
    return undefined;
  }

  private openPage(pageId: string, before: UiStep): string | undefined {
    const page = this.site.pages.find((candidate) => candidate.id === pageId);
    if (!page) return `names page "${pageId}", which the page model does not have`;
    const step: UiStep = {
      title: `open ${page.title || page.id}`,
      phase: before.phase,
      actions: [{ kind: 'goto', page: page.id, path: page.path }],
      assertions: [],
    };
    this.testCase.steps.splice(this.testCase.steps.indexOf(before), 0, step);
    return undefined;
  }

  private moveStep(moved: UiStep, before: UiStep): string | undefined {
    if (moved === before) return 'moves a step before itself';
    this.testCase.steps.splice(this.testCase.steps.indexOf(moved), 1);
    this.testCase.steps.splice(this.testCase.steps.indexOf(before), 0, moved);
    return undefined;
  }

  /** The page the case is on when `step` starts: its start page, then the last page it opened. */
  private pageAt(step: UiStep): string {
    let page = this.testCase.page;
    for (const earlier of this.testCase.steps) {
      if (earlier === step) break;
      for (const action of earlier.actions) if (action.kind === 'goto') page = action.page;
    }
    return page;
  }

  private element(pageId: string, elementId: string): UiElement | string {
    const page = this.site.pages.find((candidate) => candidate.id === pageId);
    const element = page?.elements.find((candidate) => candidate.id === elementId);
    return element ?? `names element "${elementId}", which page ${pageId} of the page model does not have`;
  }

  /** The page object member for an element: the existing one, else a new, uniquely named one. */
  private target(pageId: string, element: UiElement): UiTarget {
    let object = this.pages.find((candidate) => candidate.id === pageId);
    if (!object) {
      const page = this.site.pages.find((candidate) => candidate.id === pageId)!;
      object = { id: page.id, path: page.path, title: page.title, locators: [] };
      this.pages.push(object);
    }
    const key = locatorKey(element.locator);
    const known = object.locators.find((target) => locatorKey(target.locator) === key);
    if (known) return known;
    const taken = new Set(object.locators.map((target) => target.name));
    let name = memberName(element.id);
    for (let suffix = 2; taken.has(name); suffix += 1) name = `${memberName(element.id)}${suffix}`;
    const target: UiTarget = { page: pageId, name, locator: element.locator };
    object.locators.push(target);
    return target;
  }
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Where the page model recorded the quoted evidence for a new expected value, or why it lacks
 * evidence: the quote must be text the page model recorded for the page (a name, a value, an
 * option of a choice, a heading, its accessible text, an observed change), and the value must be
 * part of the quote. A text that is the quote itself names the source before one that holds it.
 */
export function expectedValueEvidence(
  page: PageModel,
  value: string,
  quote: string,
): { source: string } | { refusal: string } {
  const quoted = normalise(quote);
  if (quoted === '') return { refusal: 'the evidence quotes nothing' };
  if (!normalise(value) || !quoted.includes(normalise(value)))
    return { refusal: `the value ${JSON.stringify(value)} is not in the quoted evidence` };
  const recorded = observedTexts(page);
  const found =
    recorded.find((candidate) => normalise(candidate.text) === quoted) ??
    recorded.find((candidate) => normalise(candidate.text).includes(quoted));
  return found
    ? { source: `${found.source} on ${page.id}` }
    : { refusal: `the quote ${JSON.stringify(quote)} is not text the page model recorded on ${page.id}` };
}

/** Why a new expected value lacks evidence, or undefined (see expectedValueEvidence). */
export function evidenceRefusal(page: PageModel, value: string, quote: string): string | undefined {
  const evidence = expectedValueEvidence(page, value, quote);
  return 'refusal' in evidence ? evidence.refusal : undefined;
}

function setExpected(assertion: UiAssertion, value: string): void {
  if (assertion.kind === 'title' || assertion.kind === 'text') assertion.text = value;
  else if (assertion.kind === 'value') assertion.value = value;
  else if (assertion.kind === 'field-message') assertion.message = value;
}
