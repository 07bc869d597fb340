import type { ApiModel, ApiOperation } from '../core/api-model.ts';

export type OperationMatch =
  | { kind: 'found'; operation: ApiOperation }
  | { kind: 'method-missing'; path: string; methods: string[] }
  | { kind: 'operation-missing' };

interface IndexedPath {
  path: string;
  segments: string[];
  operations: ApiOperation[];
}

/**
 * Finds the operation a request in a test calls. Paths match segment by segment: a template
 * parameter matches anything (`{id}` ~ `{disk_id}` ~ `6f1c…`), a literal only itself. A
 * server base path (`/v3`) may or may not be written in the test.
 */
export class OperationIndex {
  private readonly paths: IndexedPath[];
  private readonly basePaths: string[];

  constructor(model: ApiModel) {
    const byPath = new Map<string, ApiOperation[]>();
    for (const operation of model.operations)
      byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    this.paths = [...byPath].map(([path, operations]) => ({ path, segments: segmentsOf(path), operations }));
    this.basePaths = model.servers.map(basePathOf).filter((base) => base !== '');
  }

  match(method: string, path: string): OperationMatch {
    const candidates = this.candidates(path);
    if (candidates.length === 0) return { kind: 'operation-missing' };
    for (const candidate of candidates) {
      const operation = candidate.operations.find((entry) => entry.method === method.toLowerCase());
      if (operation) return { kind: 'found', operation };
    }
    const [closest] = candidates;
    return {
      kind: 'method-missing',
      path: closest!.path,
      methods: closest!.operations.map((op) => op.method.toUpperCase()),
    };
  }

  /** Paths the test path fits, most literal segments first (`/vms/search` before `/vms/{id}`). */
  private candidates(path: string): IndexedPath[] {
    const variants = [
      segmentsOf(path),
      ...this.basePaths.flatMap((base) => stripBase(segmentsOf(path), base)),
    ];
    return this.paths
      .filter((entry) => variants.some((segments) => fits(segments, entry.segments)))
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  }
}

function segmentsOf(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

function isTemplate(segment: string): boolean {
  return /^\{[^}]*\}$/.test(segment);
}

function fits(test: string[], spec: string[]): boolean {
  if (test.length !== spec.length) return false;
  return spec.every((segment, index) => {
    const written = test[index]!;
    if (isTemplate(segment)) return true;
    return !isTemplate(written) && decodeURIComponent(written).toLowerCase() === segment.toLowerCase();
  });
}

function literalCount(segments: string[]): number {
  return segments.filter((segment) => !isTemplate(segment)).length;
}

function basePathOf(server: string): string {
  try {
    return new URL(server, 'http://base.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function stripBase(segments: string[], base: string): string[][] {
  const prefix = segmentsOf(base);
  const matches = prefix.every((segment, index) => segments[index]?.toLowerCase() === segment.toLowerCase());
  return matches ? [segments.slice(prefix.length)] : [];
}
