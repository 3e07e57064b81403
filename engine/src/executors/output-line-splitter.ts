import { StringDecoder } from 'node:string_decoder';

/** Longer lines are cut, so a progress bar without newlines cannot grow memory unbounded. */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Turns output chunks into lines: partial lines wait for the rest, UTF-8 split across
 * chunks stays intact, CRLF loses its CR.
 */
export function lineSplitter(emit: (line: string) => void): {
  push(bytes: Buffer): void;
  flush(): void;
} {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const emitLine = (line: string): void => emit(line.endsWith('\r') ? line.slice(0, -1) : line);
  return {
    push(bytes) {
      const lines = (partial + decoder.write(bytes)).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(emitLine);
      while (partial.length > MAX_LINE_CHARS) {
        emitLine(partial.slice(0, MAX_LINE_CHARS));
        partial = partial.slice(MAX_LINE_CHARS);
      }
    },
    flush() {
      const rest = partial + decoder.end();
      partial = '';
      if (rest !== '') emitLine(rest);
    },
  };
}
