export interface SseMessage {
  id?: number;
  event: string;
  data: unknown;
}

/** A minimal SSE client over fetch, for tests that need to send Last-Event-ID. */
export function readSse(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const messages: SseMessage[] = [];
  let wake: (() => void) | undefined;
  const done = (async () => {
    const res = await fetch(url, { headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`SSE ${url} answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => !l.startsWith(':') && l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
        ) as Record<string, string>;
        if (fields.data === undefined) continue;
        messages.push({
          ...(fields.id ? { id: Number(fields.id) } : {}),
          event: fields.event ?? 'message',
          data: JSON.parse(fields.data) as unknown,
        });
        wake?.();
      }
    }
  })().catch(() => undefined);
  return {
    /** Resolves with the next `count` messages that carry an id (durable events). */
    async take(count: number, timeoutMs = 5000): Promise<SseMessage[]> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const durable = messages.filter((m) => m.id !== undefined);
        if (durable.length >= count) {
          const taken = durable.slice(0, count);
          messages.splice(0, messages.indexOf(taken[taken.length - 1] as SseMessage) + 1);
          return taken;
        }
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${count} SSE events; got ${JSON.stringify(messages)}`,
          );
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
    close(): void {
      controller.abort();
      void done;
    },
  };
}
