import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaticUi } from './static-ui.js';

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-ui-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Skiff</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'console.log(1);'.repeat(200));
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  return join(dir, 'dist');
}

function response() {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } = {};
  const res = {
    writeHead: (status: number, headers: Record<string, unknown>) =>
      Object.assign(sent, { status, headers }),
    end: (body: Buffer) => Object.assign(sent, { body }),
  } as unknown as ServerResponse;
  return { res, sent };
}

describe('StaticUi', () => {
  it('serves assets gzipped and cached forever', async () => {
    const { res, sent } = response();
    expect(await new StaticUi(site()).serve('/assets/app.js', true, res)).toBe(true);
    expect(sent.headers).toMatchObject({
      'content-encoding': 'gzip',
      'cache-control': expect.stringContaining('immutable') as unknown,
    });
  });

  it('answers client-side routes with index.html', async () => {
    const { res, sent } = response();
    expect(await new StaticUi(site()).serve('/pipelines/abc', false, res)).toBe(true);
    expect(sent.body?.toString()).toContain('<title>Skiff</title>');
  });

  it('never serves a file outside its folder', async () => {
    const ui = new StaticUi(site());
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00.js',
    ]) {
      const { res, sent } = response();
      await ui.serve(path, false, res);
      expect(sent.body?.toString() ?? '').not.toContain('outside');
    }
  });

  it('reports a missing asset as not served', async () => {
    const { res } = response();
    expect(await new StaticUi(site()).serve('/assets/missing.js', false, res)).toBe(false);
  });
});
