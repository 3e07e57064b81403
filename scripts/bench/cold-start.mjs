import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnUntilHealthy } from './spawn-until-healthy.mjs';

const SKIFF = fileURLToPath(new URL('../../engine/bin/skiff.js', import.meta.url));
const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.writeHead(200, {'content-type': 'application/json'}); res.end('{"status":"ok"}'); });
server.listen(0, '127.0.0.1', () => console.log('running at http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => process.exit(0));`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Engine start → /api/v1/health answering, against a bare Node http server, interleaved. */
export async function measureColdStart(rounds = 9) {
  const home = mkdtempSync(join(tmpdir(), 'skiff-bench-'));
  const skiff = () =>
    spawnUntilHealthy({
      command: process.execPath,
      args: [SKIFF, 'serve', '--port', '0', '--home', home],
      env: { SKIFF_HOME: home },
      healthPath: '/api/v1/health',
      urlPattern: /running at (http:\/\/\S+)/,
    });
  const bare = () =>
    spawnUntilHealthy({
      command: process.execPath,
      args: ['-e', BARE_SERVER],
      env: {},
      healthPath: '/',
      urlPattern: /running at (http:\/\/\S+)/,
    });
  await skiff(); // first start creates the home (token, database): not what users wait for daily
  await bare();
  const skiffTimes = [];
  const bareTimes = [];
  for (let i = 0; i < rounds; i++) {
    skiffTimes.push(await skiff());
    bareTimes.push(await bare());
  }
  return { skiff: median(skiffTimes), bare: median(bareTimes) };
}
