import type { Position } from '../model/source-model.ts';
import { callMatcher, listParameter, patternParameter } from './parameters.ts';
import { resolvedCallees } from './resolve-callee.ts';
import { at, type Draft, type FileRule } from './rule-check.ts';

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Tests talk to the system under test only: a request elsewhere leaks data or credentials, or
 * makes the result depend on a service nobody controls. Literal URLs passed to request-like
 * calls, and literals bound to url/host-like names, are checked against the allowed hosts.
 */
export const securityForeignHost: FileRule = {
  id: 'security-foreign-host',
  checkFile: (file, { rule, ruleSet }) => {
    const isRequest = callMatcher(listParameter(rule, 'requestCalls'));
    const urlName = patternParameter(rule, 'urlNamePattern', 'iu');
    const allowed = ruleSet.allowedHosts.map((host) => host.toLowerCase());
    const candidates: (Position & { url: string; via: string })[] = [];
    const callees = resolvedCallees(file);
    file.calls.forEach((call, index) => {
      const callee = callees[index]!;
      if (!isRequest(callee)) return;
      for (const url of [...call.args, ...Object.values(call.keywords)])
        if (url) candidates.push({ ...at(call), url, via: `${callee}(…)` });
    });
    for (const literal of file.strings)
      if (literal.key && urlName.test(literal.key))
        candidates.push({ ...at(literal), url: literal.value, via: `"${literal.key}"` });
    return unique(candidates.flatMap((candidate) => foreignHost(candidate, allowed)));
  },
};

function foreignHost(
  candidate: Position & { url: string; via: string },
  allowed: string[],
): { host: string; draft: Draft }[] {
  const host = hostOf(candidate.url);
  if (host === undefined || isAllowed(host, allowed)) return [];
  const message = `${candidate.via} sends to ${host}, which is neither the target nor an allowed host`;
  return [{ host, draft: { ...at(candidate), message } }];
}

function hostOf(url: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return NETWORK_SCHEMES.has(parsed.protocol)
      ? parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase()
      : undefined;
  } catch {
    // A host built at run time ("https://{}/x") cannot be judged here.
    return undefined;
  }
}

function isAllowed(host: string, allowed: string[]): boolean {
  return allowed.some((pattern) =>
    pattern.startsWith('*.')
      ? host === pattern.slice(2) || host.endsWith(pattern.slice(1))
      : host === pattern,
  );
}

/** `httpx.Client(base_url="…")` is both a call and a named literal: one finding per line and host. */
function unique(found: { host: string; draft: Draft }[]): Draft[] {
  const seen = new Set<string>();
  return found
    .filter(({ host, draft }) => {
      const key = `${draft.line}\0${host}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ draft }) => draft);
}
