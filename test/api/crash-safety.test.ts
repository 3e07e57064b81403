import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';
import { readSse } from '../support/sse-reader.js';

const WRITES = 1000;
const IN_FLIGHT = 8;
let running: EngineProcess | undefined;

afterAll(async () => {
  await running?.stop();
});

/** One acknowledged write: a new image mapping, which is also a durable event. */
async function write(engine: EngineProcess, n: number): Promise<number> {
  const res = await fetch(`${engine.url}/api/v1/settings`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${engine.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ images: { map: { [`crash/img-${n}`]: `local/img:${n}` } } }),
  });
  if (res.status !== 200) throw new Error(`write ${n} answered ${res.status}`);
  return n;
}

describe('crash safety', () => {
  it('keeps every acknowledged write when the engine is SIGKILLed mid-stream', async () => {
    const home = tempHome('skiff-crash-');
    const first = await startEngineProcess(home);
    const acknowledged = new Set<number>();
    let next = 0;
    const state = { killed: false };
    // Kill once, the moment half of the writes have been acknowledged.
    const killAtHalfway = async (): Promise<void> => {
      if (acknowledged.size !== WRITES / 2 || state.killed) return;
      state.killed = true;
      await first.kill();
    };
    const worker = async (): Promise<void> => {
      while (next < WRITES && !state.killed) {
        const n = next++;
        try {
          acknowledged.add(await write(first, n));
        } catch {
          return; // the engine died under this request: not acknowledged
        }
        await killAtHalfway();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(state.killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(WRITES / 2);

    const db = new Database(join(home, 'skiff.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    running = await startEngineProcess(home);
    const settings = (await (
      await fetch(`${running.url}/api/v1/settings`, {
        headers: { authorization: `Bearer ${running.token}` },
      })
    ).json()) as {
      images: { map: Record<string, string> };
    };
    const missing = [...acknowledged].filter(
      (n) => settings.images.map[`crash/img-${n}`] !== `local/img:${n}`,
    );
    expect(missing).toEqual([]);

    // Every acknowledged write's event is still there for SSE clients to resume from.
    const stream = readSse(`${running.url}/api/v1/events`, {
      authorization: `Bearer ${running.token}`,
      'last-event-id': '0',
    });
    const events = await stream.take(acknowledged.size, 20_000);
    stream.close();
    const announced = new Set(
      events.flatMap((e) =>
        Object.keys((e.data as { images: { map: Record<string, string> } }).images.map),
      ),
    );
    expect([...acknowledged].filter((n) => !announced.has(`crash/img-${n}`))).toEqual([]);
  });
});
