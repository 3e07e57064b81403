import { describe, expect, it } from 'vitest';
import { createOutputDemuxer } from './docker-output-demuxer.js';

/** One frame of Docker's multiplexed stream. */
function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header.writeUInt8(stream, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect(): { lines: string[]; onLog: (line: string, stream: string) => void } {
  const lines: string[] = [];
  return { lines, onLog: (line, stream) => lines.push(`${stream}:${line}`) };
}

describe('createOutputDemuxer', () => {
  it('splits frames into lines per stream, whatever the chunk boundaries', () => {
    const bytes = Buffer.concat([
      frame(1, 'one\ntw'),
      frame(2, 'err\n'),
      frame(1, 'o\r\nthr'),
      frame(1, 'ee'),
    ]);
    for (const size of [1, 3, 7, 8, 9, bytes.length]) {
      const { lines, onLog } = collect();
      const demuxer = createOutputDemuxer(onLog);
      for (let i = 0; i < bytes.length; i += size) demuxer.write(bytes.subarray(i, i + size));
      expect(lines).toEqual(['stdout:one', 'stderr:err', 'stdout:two']);
      demuxer.end();
      demuxer.end();
      expect(lines).toEqual(['stdout:one', 'stderr:err', 'stdout:two', 'stdout:three']);
    }
  });

  it('keeps a UTF-8 character split across frames whole', () => {
    const euro = Buffer.from('€\n');
    const { lines, onLog } = collect();
    const demuxer = createOutputDemuxer(onLog);
    demuxer.write(frame(1, euro.subarray(0, 1)));
    demuxer.write(frame(1, euro.subarray(1)));
    expect(lines).toEqual(['stdout:€']);
  });

  it('cuts a line that never ends so memory stays bounded', () => {
    const { lines, onLog } = collect();
    const demuxer = createOutputDemuxer(onLog);
    demuxer.write(frame(1, 'x'.repeat(64 * 1024 + 10)));
    expect(lines).toHaveLength(1);
    demuxer.end();
    expect(lines[1]).toBe(`stdout:${'x'.repeat(10)}`);
  });
});
