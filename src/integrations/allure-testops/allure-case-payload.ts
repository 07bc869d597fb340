import type { ManualCase, ManualStep } from '../../core/manual-case.ts';

// Request bodies of Allure TestOps' test case API (allure-testops-service 25.x):
// TestCaseCreateV2Dto / TestCasePatchV2Dto, TestCaseScenarioV2Dto and TestTagDto[].

export interface AllureTag {
  name: string;
}

export interface AllureLink {
  name: string;
  url: string;
  type: string;
}

export interface AllureCaseFields {
  name: string;
  description: string;
  precondition: string | undefined;
  expectedResult: string | undefined;
  automated: false;
  links: AllureLink[];
  tags: AllureTag[];
}

/** A scenario step: the action, then (as its own step of type ExpectedBodyStepDto) what it should show. */
export type AllureScenarioStep =
  { type: 'BodyStepDto'; body: string } | { type: 'ExpectedBodyStepDto'; body: string };

export interface AllureCasePayload {
  caseId: string;
  fields: AllureCaseFields;
  scenario: { steps: AllureScenarioStep[] };
  tags: AllureTag[];
}

/**
 * The tag that finds a case again when its code lost the `@allure.id` (the service exporting the
 * original cases again, a hand-edited module): the case's stable id.
 */
export function caseTag(caseId: string): string {
  return `testops-case-${caseId}`;
}

/** Allure TestOps refuses names over 255 characters. */
const NAME_LIMIT = 255;

const PHASE_TITLE: Record<ManualStep['phase'], string> = { arrange: 'Arrange', act: 'Act', assert: 'Assert' };

/**
 * One manual case as Allure TestOps takes it: the same title, tags (the priority first, as the
 * emitted `@allure.tag` has it), links and Arrange/Act/Assert steps as the Allure-as-code file.
 */
export function allureCasePayload(manualCase: ManualCase): AllureCasePayload {
  const tags = [...new Set([manualCase.priority, ...manualCase.tags, caseTag(manualCase.id)])].map(
    (name) => ({
      name,
    }),
  );
  const last = manualCase.steps.at(-1);
  return {
    caseId: manualCase.id,
    fields: {
      name: manualCase.title.slice(0, NAME_LIMIT),
      description: descriptionOf(manualCase),
      precondition:
        manualCase.preconditions.length > 0
          ? manualCase.preconditions.map((line) => `- ${line}`).join('\n')
          : undefined,
      expectedResult: last?.expected,
      automated: false,
      links: manualCase.links.map((link) => ({ name: link.name, url: link.url, type: 'link' })),
      tags,
    },
    scenario: {
      steps: manualCase.steps.flatMap((step): AllureScenarioStep[] => [
        { type: 'BodyStepDto', body: `${PHASE_TITLE[step.phase]}: ${step.action}` },
        ...(step.expected ? [{ type: 'ExpectedBodyStepDto' as const, body: step.expected }] : []),
      ]),
    },
    tags,
  };
}

function descriptionOf(manualCase: ManualCase): string {
  const labels = [
    `Feature: ${manualCase.feature}`,
    `Story: ${manualCase.story}`,
    `Suite: ${manualCase.suite}`,
    `Owner: ${manualCase.owner}`,
  ];
  return [manualCase.description, '', ...labels.map((line) => `- ${line}`)].join('\n');
}
