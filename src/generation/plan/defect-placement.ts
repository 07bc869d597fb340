import type { ManualCase } from '../../core/manual-case.ts';
import { caseTokens, mentions, tokens } from './case-words.ts';
import { codePointOrder } from './code-point-order.ts';
import { componentMatches, type DefectFact } from './defect-history.ts';

export interface PlacedDefects {
  /** Defects that count for some case: matched to its component, or product-wide. */
  defects: DefectFact[];
  warnings: string[];
}

/**
 * Decides where each defect counts. A component naming the product itself (in the case set's
 * title: `Calculator` for a price calculator) says nothing about where in it, so a defect counts
 * through its other components for the cases about them, or, when it names only the product, for
 * every case. Any other defect is reported: silently weighing nothing would hide a misnamed
 * component or an area the cases do not cover.
 */
export function placeDefects(
  defects: readonly DefectFact[],
  cases: readonly ManualCase[],
  product: string,
): PlacedDefects {
  const caseWords = cases.map(caseTokens);
  const productWords = new Set(tokens(product));
  const namesProduct = (component: string) => mentions(productWords, component.split(/[/›>:]/)[0] ?? '');
  const placed: DefectFact[] = [];
  const unplaced = new Map<string, string[]>();
  for (const defect of defects) {
    const matchOn = defect.components.filter((component) => !namesProduct(component));
    if (matchOn.some((component) => caseWords.some((words) => componentMatches(words, component)))) {
      placed.push({ ...defect, matchOn });
    } else if (matchOn.length === 0 && defect.components.length > 0) {
      placed.push({ ...defect, matchOn: [], productWide: true });
    } else {
      const component = defect.components.join(', ') || '(no component)';
      unplaced.set(component, [...(unplaced.get(component) ?? []), defect.key]);
    }
  }
  return {
    defects: placed,
    warnings: [...unplaced].sort(([a], [b]) => codePointOrder(a, b)).map(describeUnplaced),
  };
}

function describeUnplaced([component, keys]: [string, string[]]): string {
  return `defects ${keys.join(', ')} (${component.includes(', ') ? 'components' : 'component'} ${component}) match no feature, page or operation of the cases and do not name the product: they weigh nothing`;
}
