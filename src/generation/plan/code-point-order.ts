/** Locale-independent string order: the plan must not change with the machine's language. */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
