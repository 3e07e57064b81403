/**
 * A container's output as log lines: Docker's multiplexed attach/logs stream split into
 * stdout and stderr, then into lines, each handed to the task's `onLog`.
 */
import { StringDecoder } from 'node:string_decoder';
import type { RunHooks } from './container-executor.js';

/** A "line" that never ends (progress bars use \r) is cut here to bound memory. */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Docker's attach/logs stream without a TTY: frames of [stream, 0, 0, 0, size (uint32 BE)]
 * then the payload. Lines are split per stream; a partial line waits for its end.
 */
export function createOutputDemuxer(onLog: RunHooks['onLog']): {
  write(chunk: Buffer): void;
  end(): void;
} {
  const stdout = lineSplitter((line) => onLog(line, 'stdout'));
  const stderr = lineSplitter((line) => onLog(line, 'stderr'));
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  return {
    write(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 8) {
        const size = pending.readUInt32BE(4);
        if (pending.length < 8 + size) break;
        (pending[0] === 2 ? stderr : stdout).push(pending.subarray(8, 8 + size));
        pending = pending.subarray(8 + size);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      stdout.flush();
      stderr.flush();
    },
  };
}

function lineSplitter(emit: (line: string) => void): { push(bytes: Buffer): void; flush(): void } {
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

/** Feeds a stream through a demuxer; resolves once the stream ends, closes or fails. */
export function streamOutput(
  stream: NodeJS.ReadableStream,
  onLog: RunHooks['onLog'],
): Promise<void> {
  const demuxer = createOutputDemuxer(onLog);
  stream.on('data', (chunk: Buffer) => demuxer.write(chunk));
  return new Promise((resolve) => {
    const done = (): void => {
      demuxer.end();
      resolve();
    };
    for (const event of ['end', 'close', 'error']) stream.once(event, done);
  });
}
