import type { SourceFile } from '../model/source-model.ts';

const aliasMaps = new WeakMap<SourceFile, Map<string, string>>();
const resolvedCalls = new WeakMap<SourceFile, string[]>();

/** Every call's resolved callee, in `file.calls` order; computed once per file for all rules. */
export function resolvedCallees(file: SourceFile): string[] {
  let resolved = resolvedCalls.get(file);
  if (!resolved) {
    resolved = file.calls.map((call) => resolveCallee(file, call.callee));
    resolvedCalls.set(file, resolved);
  }
  return resolved;
}

/**
 * The callee with its first name replaced by what it was imported as: after
 * `from subprocess import run as r`, `r` is `subprocess.run`; after
 * `import { writeFile } from 'node:fs/promises'`, `writeFile` is `fs.promises.writeFile`.
 * Rules match these canonical names, so renaming an import does not hide a call.
 */
export function resolveCallee(file: SourceFile, callee: string): string {
  const isNew = callee.startsWith('new ');
  const bare = isNew ? callee.slice(4) : callee;
  const dot = bare.indexOf('.');
  const head = dot === -1 ? bare : bare.slice(0, dot);
  const called = head.endsWith('()');
  const name = called ? head.slice(0, -2) : head;
  const resolved = aliasesOf(file).get(name);
  if (!resolved) return callee;
  return `${isNew ? 'new ' : ''}${resolved}${called ? '()' : ''}${dot === -1 ? '' : bare.slice(dot)}`;
}

function aliasesOf(file: SourceFile): Map<string, string> {
  let aliases = aliasMaps.get(file);
  if (aliases) return aliases;
  aliases = new Map();
  for (const item of file.imports) {
    const module = canonicalModule(item.module);
    if (item.name === undefined) {
      // `import os.path` binds `os`; `import x as y` and `import * as y` bind y to the module.
      const local = item.alias ?? module.split('.')[0]!;
      aliases.set(local, item.alias ? module : local);
    } else if (item.name === 'default') {
      aliases.set(item.alias ?? module, module);
    } else {
      aliases.set(item.alias ?? item.name, `${module}.${item.name}`);
    }
  }
  aliasMaps.set(file, aliases);
  return aliases;
}

/** `node:fs/promises` → `fs.promises`. */
export function canonicalModule(module: string): string {
  return module.replace(/^node:/, '').replace(/\//g, '.');
}
