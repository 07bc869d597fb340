import { inflateRawSync } from 'node:zlib';

/** The entries of a zip (stored or deflated), read with node:zlib: what a user's unzip sees. */
export function zipEntries(zip: Buffer): { name: string; text: string }[] {
  const entries: { name: string; text: string }[] = [];
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const flags = zip.readUInt16LE(offset + 6);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    // yazl streams entries with a data descriptor: sizes follow the data, so find the next header.
    const sizeFromHeader = zip.readUInt32LE(offset + 18);
    let end = start + sizeFromHeader;
    if (flags & 0x08) {
      end = zip.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]), start);
    }
    const data = zip.subarray(start, end);
    entries.push({ name, text: (method === 8 ? inflateRawSync(data) : data).toString('utf8') });
    offset = end + (flags & 0x08 ? 16 : 0);
  }
  return entries;
}
