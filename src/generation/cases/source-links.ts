import { basename, relative, resolve } from 'node:path';

// Every case links somewhere a reader can open. A source given as an http(s) URL is linked
// directly; a local file is linked where the user says it is published (`sourceUrl`, e.g. its
// GitLab page); otherwise by its path relative to the source as given (`peer-notes.txt#L4`),
// so no path of this machine ends up in the cases.

export function isWebUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(text);
}

/**
 * `file`: the file the place is in; `location`: what the user gave (that file or its folder);
 * `fragment`: `#L32` or a JSON pointer such as `#/paths/~1disks/post`.
 */
export function placeUrl(file: string, location: string, fragment: string, sourceUrl?: string): string {
  if (isWebUrl(file)) return `${file}${fragment}`;
  const inside = resolve(file) === resolve(location) ? '' : relative(location, file).split(/[\\/]/).join('/');
  if (sourceUrl) return `${sourceUrl.replace(/\/+$/, '')}${inside ? `/${inside}` : ''}${fragment}`;
  return `${inside || basename(file)}${fragment}`;
}

export function fileName(file: string): string {
  return isWebUrl(file) ? (new URL(file).pathname.split('/').at(-1) ?? file) : basename(file);
}
