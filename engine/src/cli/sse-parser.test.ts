import { describe, expect, it } from 'vitest';
import { readSse, SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('parses events with id, type and data, skipping comments and retry', () => {
    const parser = new SseParser();
    expect(
      parser.push(
        'retry: 2000\n: connected\n\nid: 7\nevent: operation.updated\ndata: {"id":"a"}\n\n',
      ),
    ).toEqual([{ event: 'operation.updated', data: '{"id":"a"}', id: '7' }]);
  });

  it('joins multi-line data and keeps partial lines across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: operation.log\ndata: one')).toEqual([]);
    expect(parser.push('\ndata: two\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'operation.log', data: 'one\ntwo' }]);
  });

  it('accepts CRLF and CR line ends, including a CRLF split across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n\r\ndata: b\r\r')).toEqual([{ event: 'message', data: 'a' }]);
    // The final CR may be half of a CRLF, so the event completes with the next chunk.
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'b' }]);
  });

  it('ignores events without data and gives each event only its own id', () => {
    const parser = new SseParser();
    expect(parser.push('id: 3\nevent: x\n\ndata: y\n\nid: 4\ndata: z\n\n')).toEqual([
      { event: 'message', data: 'y' },
      { event: 'message', data: 'z', id: '4' },
    ]);
    expect(parser.lastEventId).toBe('4');
  });
});

describe('readSse', () => {
  it('decodes a byte stream split inside a UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✔\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    const messages = [];
    for await (const message of readSse(body)) messages.push(message);
    expect(messages).toEqual([{ event: 'message', data: 'héllo ✔' }]);
  });
});
