import type { CaseTrace, Requirement } from '../../core/manual-case.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { priorityOf } from './case-priority.ts';
import { fileName, placeUrl } from './source-links.ts';
import { isMobile } from './statement-rules.ts';
import { phrasesFor, type Language, type RequirementPhrases } from './requirement-phrases.ts';

/** What every case designed from one requirement shares: its place, links, trace and words. */
export interface RequirementContext {
  requirement: Requirement;
  language: Language;
  phrases: RequirementPhrases;
  /** The block the requirement belongs to: the first section, else the document title. */
  feature: string;
  story: string;
  /** Where the tester goes first: the feature as the document names it (none for "Mobile"). */
  place: string | undefined;
  /** The user-story role, when the requirement sits under a story: a precondition. */
  role: string | undefined;
  /** The file or folder the requirements were read from. */
  location: string;
}

const SEPARATOR = ' › ';
const API_WORDS =
  /\b(API|endpoint|HTTP|REST|status code|request body|response body|JSON schema)\b|\b(GET|POST|PUT|PATCH|DELETE) \//;
// Ids the reader generated (`REQ-3`) are not tracker keys; written keys (`CALC-12`) are.
const TRACKER_KEY = /^(?!REQ-\d)([A-ZА-ЯЁ][A-ZА-ЯЁ0-9_]*-\d+)/;

/** `language`: the document's, so a Russian list with Latin product names stays Russian. */
export function requirementContext(
  requirement: Requirement,
  document: { title: string; language: Language; location: string },
  role?: string,
): RequirementContext {
  const sections = requirement.section.split(SEPARATOR).filter((part) => part !== '');
  const feature = sections[0] ?? document.title;
  const language = document.language;
  return {
    requirement,
    language,
    phrases: phrasesFor(language),
    feature,
    story: sections.length > 1 ? sections.at(-1)! : feature,
    place: sections[0] && !isMobile(sections[0]) ? sections[0] : undefined,
    role,
    location: document.location,
  };
}

/** The fields of a draft that come from the requirement alone. */
export function requirementDraftBase(
  context: RequirementContext,
  options: CaseDesignOptions,
): Pick<
  CaseDraft,
  'feature' | 'story' | 'suite' | 'links' | 'trace' | 'preconditions' | 'priority' | 'tags'
> {
  const { requirement } = context;
  const trace: CaseTrace[] = [{ kind: 'requirement', id: requirement.id, text: requirement.text }];
  return {
    feature: context.feature,
    story: context.story,
    suite: API_WORDS.test(`${requirement.text} ${requirement.section}`) ? 'API' : 'UI',
    links: [requirementLink(requirement, context.location, options)],
    trace,
    preconditions: context.role ? [context.phrases.role(context.role)] : [],
    priority: priorityOf(requirement.text, requirement.section),
    tags: [requirement.id],
  };
}

/** Jira when the requirement has a tracker key and a Jira base was given; else its source line. */
export function requirementLink(
  requirement: Requirement,
  location: string,
  options: CaseDesignOptions,
): { url: string; name: string } {
  const key = TRACKER_KEY.exec(requirement.id)?.[1];
  if (key && options.jiraBase)
    return {
      url: `${options.jiraBase.replace(/\/+$/, '').replace(/\/browse$/, '')}/browse/${key}`,
      name: key,
    };
  const { file, line } = requirement.source;
  return {
    url: placeUrl(file, location, `#L${line}`, options.sourceUrl),
    name: `${requirement.id} (${fileName(file)}:${line})`,
  };
}

export function describeRequirement(context: RequirementContext): string {
  const { id, text, source } = context.requirement;
  const checks = context.language === 'ru' ? 'Проверяет' : 'Checks';
  return `${checks} ${id} (${fileName(source.file)}:${source.line}): ${text.replace(/\n/g, ' / ')}`;
}
