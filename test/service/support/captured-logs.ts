import { Writable } from 'node:stream';

/** A log destination for `startServer` that keeps every line, for tests that look for leaks. */
export function capturedLogs(): { destination: Writable; lines: string[]; text(): string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { destination, lines, text: () => lines.join('') };
}
