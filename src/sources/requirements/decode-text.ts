// Russian requirements still arrive in Windows-1251 (exported from Word or old wikis). Bytes
// that are not valid UTF-8 are read as Windows-1251 instead of turning into replacement marks.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1251 = new TextDecoder('windows-1251');

export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1251.decode(bytes);
  }
}
