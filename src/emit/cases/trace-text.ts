import type { CaseTrace } from '../../core/manual-case.ts';

/** "requirement CALC-23", "operation POST /api/v1/disks → 422", "element configure-vm/instances". */
export function traceText(trace: CaseTrace): string {
  switch (trace.kind) {
    case 'requirement':
      return `requirement ${trace.id}`;
    case 'operation':
      return `operation ${trace.operation}${trace.status !== undefined ? ` → ${trace.status}` : ''}`;
    case 'element':
      return `element ${trace.page}/${trace.element}`;
  }
}
