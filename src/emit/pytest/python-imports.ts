/** `from module import a, b`, parenthesised one name per line when it would be long. */
export function fromImport(module: string, names: string[]): string {
  const inline = `from ${module} import ${names.join(', ')}`;
  if (inline.length <= 100) return inline;
  return `from ${module} import (\n${names.map((name) => `    ${name},`).join('\n')}\n)`;
}
