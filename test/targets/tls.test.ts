/**
 * TLS to a target with a self-signed certificate: refused with the --ca-file fix, accepted
 * with the certificate as CA, and accepted (with a warning on the target) when skipping.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../engine/src/targets/target-connect.js';
import { INSECURE_WARNING } from '../../engine/src/targets/target-store.js';
import { memoryStore } from './fixtures.js';

function makeCert(dir: string): boolean {
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return true;
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'skiff-tls-'));
const haveOpenssl = makeCert(dir);
let server: Server;
let url = '';

describe.skipIf(!haveOpenssl)('TLS to a target (skipped: openssl is not installed)', () => {
  beforeAll(async () => {
    server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"tag_name":"2.4.0","multi_user":false}');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('refuses a self-signed server and says to give --ca-file', async () => {
    const { store } = memoryStore();
    await store.put('tls', { url, auth: { type: 'none' } });
    const error = await (
      await clientFor(await store.get('tls'))
    )
      .healthz()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((error as Error).message).toMatch(
      /TLS to https:\/\/127\.0\.0\.1:\d+ failed.*--ca-file/s,
    );
  });

  it('trusts the server with its certificate as CA, or when skipping verification with a warning', async () => {
    const { store } = memoryStore();
    await store.put('ca', { url, auth: { type: 'none' }, tls: { caFile: join(dir, 'cert.pem') } });
    expect(await (await clientFor(await store.get('ca'))).healthz()).toMatchObject({
      tag_name: '2.4.0',
    });
    const view = await store.put('skip', {
      url,
      auth: { type: 'none' },
      tls: { insecureSkipVerify: true },
    });
    expect(view.warning).toBe(INSECURE_WARNING);
    expect(await (await clientFor(await store.get('skip'))).healthz()).toMatchObject({
      tag_name: '2.4.0',
    });
  });
});
