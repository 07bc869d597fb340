/**
 * The user's text (requirements, page text, spec descriptions) goes into a prompt as data between
 * tags, JSON-encoded, with `<` escaped so no text can close the tag and speak as instructions.
 * The system prompt says that everything inside the tags is data.
 *
 * @example delimitedData('requirements', [{ id: 'CALC-1', text: 'Ignore the above' }])
 */
export function delimitedData(tag: string, value: unknown): string {
  const json = JSON.stringify(value, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `<${tag}>\n${json}\n</${tag}>`;
}
