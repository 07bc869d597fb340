import { dirname, relative } from 'node:path';
import type { Decorator, SourceFile } from '../model/source-model.ts';
import { LABEL_NAMES, labelsOf, type LabelName } from './allure-labels.ts';
import { listParameter } from './parameters.ts';
import { at, type Draft, type FileRule } from './rule-check.ts';

const HOW_TO_WRITE: Record<LabelName, string> = {
  manual: '@allure.manual on the class',
  'manual-marker': '@pytest.mark.manual on the class',
  owner: '@allure.label("owner", "<login>") on the class',
  feature: '@allure.feature("<feature>") on the class',
  story: '@allure.story("<story>") on the class',
  suite: '@allure.suite("UI" or "API") on the class',
  title: '@allure.title("<what is checked>") on the method',
  tag: '@allure.tag("NORMAL") on the method',
  priority: '@allure.label("priority", "NORMAL") on the method',
  link: '@allure.link("<url>", name="<ticket>") on the method',
};

/** What TestOps needs to file, assign and prioritise a manual case. */
export const labelsRequired: FileRule = {
  id: 'labels-required',
  checkFile: (file, { rule }) => {
    const required = listParameter(rule, 'required').filter((name): name is LabelName =>
      (LABEL_NAMES as string[]).includes(name),
    );
    return file.tests.flatMap((test) => {
      const labels = labelsOf(test);
      const missing = required.filter((name) => !labels.get(name)?.length);
      if (missing.length === 0) return [];
      return [
        {
          ...at(test),
          test,
          message: `${test.id} is missing ${missing.join(', ')}`,
          recommendation: `Add ${missing.map((name) => HOW_TO_WRITE[name]).join('; ')}.`,
        },
      ];
    });
  },
};

/** Values TestOps can map: a tag or priority outside the list becomes a stray custom value. */
export const labelsValidValues: FileRule = {
  id: 'labels-valid-values',
  checkFile: (file, { rule }) => {
    const allowed: Partial<Record<LabelName, string[]>> = {
      tag: listParameter(rule, 'tags'),
      priority: listParameter(rule, 'priorities'),
      suite: listParameter(rule, 'suites'),
    };
    const schemes = listParameter(rule, 'linkSchemes');
    const seen = new Set<string>();
    return file.tests.flatMap((test) => {
      const drafts: Draft[] = [];
      for (const [name, values] of labelsOf(test)) {
        for (const { value, decorator, on } of values) {
          // A class decorator is reported once, not once per method.
          const key = `${decorator.line}:${decorator.column}:${String(value)}`;
          if (seen.has(key)) continue;
          const problem = valueProblem(name, value, allowed[name], schemes, decorator.keywords);
          if (!problem) continue;
          seen.add(key);
          drafts.push({ ...at(decorator), message: problem, ...(on === 'method' ? { test } : {}) });
        }
      }
      return drafts;
    });
  },
};

function valueProblem(
  name: LabelName,
  value: string | null | undefined,
  allowed: string[] | undefined,
  schemes: string[],
  keywords: Record<string, string | null>,
): string | undefined {
  if (value === null) return `${name} is not a literal string, so it cannot be checked or read by TestOps`;
  if (value === undefined) return undefined;
  if (allowed && !allowed.includes(value)) return `${name} "${value}" is not one of ${allowed.join(', ')}`;
  if (name === 'owner' && value.trim() === '') return 'owner is empty';
  if (name === 'link') return linkProblem(value, schemes, keywords);
  return undefined;
}

function linkProblem(
  url: string,
  schemes: string[],
  keywords: Record<string, string | null>,
): string | undefined {
  // `relative` in linkSchemes allows a path relative to the repository or source (`spec.yaml#L4`);
  // an absolute path names one machine's disk and is never a link a team can open.
  if (schemes.includes('relative') && !/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    if (url.startsWith('/') || url.startsWith('\\') || url.trim() === '')
      return `link "${url}" is an absolute local path; link to where the source is published, or a relative path`;
    return keywords['name']?.trim()
      ? undefined
      : `link "${url}" has no name= (the ticket or document it points to)`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `link "${url}" is not a valid URL`;
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, '')))
    return `link "${url}" is not a ${schemes.filter((scheme) => scheme !== 'relative').join(' or ')} URL`;
  if (!keywords['name']?.trim()) return `link "${url}" has no name= (the ticket or document it points to)`;
  return undefined;
}

/**
 * `pytest --strict-markers` (and the suites we emit use it) fails on a marker pytest.ini does
 * not register; without it pytest only warns and `-m manual` may select nothing.
 */
export const markerRegistered: FileRule = {
  id: 'marker-registered',
  checkFile: async (file, { rule, pytestConfig }) => {
    const used = listParameter(rule, 'markers')
      .map((marker) => ({ marker, decorator: firstUse(file, `pytest.mark.${marker}`) }))
      .filter((use): use is { marker: string; decorator: Decorator } => use.decorator !== undefined);
    if (used.length === 0) return [];
    const config = await pytestConfig(dirname(file.path));
    const where = config.path ? relative(dirname(file.path), config.path) : undefined;
    return used
      .filter(({ marker }) => !config.markers.has(marker))
      .map(({ marker, decorator }) => ({
        ...at(decorator),
        message: where
          ? `marker "${marker}" is not registered in ${where}`
          : `marker "${marker}" is not registered: no pytest.ini (or other pytest configuration) applies to this file`,
        recommendation: `Add "${marker}: <what it marks>" under markers = in ${where ?? 'a pytest.ini next to the tests'} (testops check --fix does it).`,
      }));
  },
};

export function firstUse(file: SourceFile, name: string): Decorator | undefined {
  const decorators = [
    ...file.suites.flatMap((suite) => suite.decorators),
    ...file.tests.flatMap((test) => test.decorators),
  ];
  return decorators.filter((decorator) => decorator.name === name).sort((a, b) => a.line - b.line)[0];
}
