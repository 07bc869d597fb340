// Names in the emitted TypeScript: page object classes, their files, and the variables holding them.

const TAKEN = new Set(['page', 'test', 'expect', 'testInfo', 'consoleErrors', 'dialogs']);

/** `configure-vm` → `ConfigureVmPage`. */
export function className(pageId: string): string {
  const pascal = words(pageId)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return `${/^\d/.test(pascal) ? 'P' : ''}${pascal || 'Site'}Page`;
}

/** `configure-vm` → `configureVm`; names the fixtures already use get a suffix. */
export function variableName(pageId: string): string {
  const camel = className(pageId).replace(/Page$/, '');
  const name = camel[0]!.toLowerCase() + camel.slice(1);
  return TAKEN.has(name) ? `${name}Page` : name;
}

/** `configure-vm` → `configure-vm`: a safe file name for a page's page object and spec. */
export function fileStem(pageId: string): string {
  return words(pageId).join('-').toLowerCase() || 'site';
}

function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}
