import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SKIFF = fileURLToPath(new URL('../../engine/bin/skiff.js', import.meta.url));

function load(url, headers, seconds) {
  return autocannon({ url, connections: 100, duration: seconds, headers });
}

/** `GET /api/v1/system` latency under 100 connections, against a bare server sending the same JSON. */
export async function measureSystemLatency(seconds = 5) {
  const home = mkdtempSync(join(tmpdir(), 'skiff-bench-'));
  const child = spawn(process.execPath, [SKIFF, 'serve', '--port', '0', '--home', home], {
    env: { ...process.env, SKIFF_HOME: home },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`skiff serve exited ${code}`)));
  });
  const token = readFileSync(join(home, 'token'), 'utf8').trim();
  const headers = { authorization: `Bearer ${token}` };
  const body = await (await fetch(`${url}/api/v1/system`, { headers })).text();
  const skiff = await load(`${url}/api/v1/system`, headers, seconds);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;

  const bare = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise((r) => bare.listen(0, '127.0.0.1', r));
  const baseline = await load(`http://127.0.0.1:${bare.address().port}/`, {}, seconds);
  await new Promise((r) => bare.close(r));
  const figures = (result) => ({
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  });
  return { skiff: figures(skiff), bare: figures(baseline) };
}
