/**
 * A container's output as log lines: Docker's multiplexed attach/logs stream split into
 * stdout and stderr, then into lines, each handed to the task's `onLog`.
 */
import type { RunHooks } from './container-executor.js';
import { lineSplitter } from './output-line-splitter.js';

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
