// The text of an open list item, built from its marker line, continuation lines and child items.
// Kept as parts and joined once when the item closes: appending to one string and testing its
// end with a regex flattened the whole text per line, O(n²) for an item with thousands of children.

export class ItemText {
  private readonly parts: string[];

  constructor(first: string) {
    this.parts = [first];
  }

  append(tail: string): void {
    this.parts.push(tail);
  }

  endsWithOneOf(chars: string): boolean {
    const last = this.lastNonEmpty();
    return last >= 0 && chars.includes(this.parts[last]!.at(-1)!);
  }

  /** Drops one final character if it is one of `chars` (what `replace(/[.;]$/, '')` did). */
  dropFinal(chars: string): void {
    if (!this.endsWithOneOf(chars)) return;
    const last = this.lastNonEmpty();
    this.parts[last] = this.parts[last]!.slice(0, -1);
  }

  /** Parts start with their separator (" …", "; …"), so this looks back one part at most. */
  private lastNonEmpty(): number {
    let index = this.parts.length - 1;
    while (index >= 0 && this.parts[index] === '') index -= 1;
    return index;
  }

  toString(): string {
    return this.parts.join('');
  }
}
