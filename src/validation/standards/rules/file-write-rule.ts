import { isAbsolute, relative, resolve } from 'node:path';
import type { CallRef } from '../model/source-model.ts';
import { callMatcher, listParameter } from './parameters.ts';
import { resolvedCallees } from './resolve-callee.ts';
import { at, type FileRule } from './rule-check.ts';

interface WriteCall {
  matches: (callee: string) => boolean;
  /** `0`/`1`: positional argument; `recv`: the receiver's argument; otherwise a keyword. */
  pathAt: string;
}

/**
 * A test that writes outside its suite folder can damage the machine running it, and leaves
 * state other runs trip over. Only literal paths can be judged; computed ones are left alone.
 */
export const securityFileWrite: FileRule = {
  id: 'security-file-write',
  checkFile: (file, { rule }) => {
    const writes = listParameter(rule, 'writeCalls').map(parseWriteCall);
    const allowed = listParameter(rule, 'allowedPaths').map((path) => resolve(file.root, path));
    const callees = resolvedCallees(file);
    return file.calls.flatMap((call, index) => {
      const callee = callees[index]!;
      const write = writes.find((candidate) => candidate.matches(callee));
      if (!write || !writesWithMode(callee, call)) return [];
      const path = pathOf(call, write.pathAt);
      const target = path === undefined ? undefined : outsideTarget(path, file.root, allowed);
      return target
        ? [{ ...at(call), message: `${callee}(…) writes ${target}, outside the suite folder` }]
        : [];
    });
  },
};

function parseWriteCall(spec: string): WriteCall {
  const hash = spec.lastIndexOf('#');
  return {
    matches: callMatcher([hash === -1 ? spec : spec.slice(0, hash)]),
    pathAt: hash === -1 ? '0' : spec.slice(hash + 1),
  };
}

/** `open(path)` reads; it writes only with a w, a, x or + mode. */
function writesWithMode(callee: string, call: CallRef): boolean {
  if (!/^(io\.|builtins\.)?open$/.test(callee)) return true;
  const mode = call.args[1] ?? call.keywords['mode'] ?? 'r';
  return mode !== null && /[wax+]/.test(mode);
}

function pathOf(call: CallRef, pathAt: string): string | undefined {
  if (pathAt === 'recv') return call.receiverArg;
  const value = /^\d+$/.test(pathAt) ? call.args[Number(pathAt)] : call.keywords[pathAt];
  return value ?? undefined;
}

/** The path when it leaves the suite folder; undefined when inside, allowed, or computed at run time. */
function outsideTarget(path: string, root: string, allowed: string[]): string | undefined {
  const known = path.split('{}')[0]!;
  if (known === '') return undefined;
  if (known.startsWith('~')) return path;
  const absolute = isAbsolute(known) || /^[A-Za-z]:[\\/]/.test(known);
  const target = absolute ? resolve(known) : resolve(root, known);
  if (allowed.some((prefix) => isInside(target, prefix))) return undefined;
  return isInside(target, root) ? undefined : path;
}

function isInside(target: string, folder: string): boolean {
  const path = relative(folder, target);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
