/**
 * `npm run bench`: Skiff's performance figures, each as a ratio against a baseline
 * measured in the same run (machines are noisy; a lone absolute time means little).
 */
import { measureColdStart } from './cold-start.mjs';
import { measureSystemLatency } from './system-latency.mjs';
import { measureFirstLoadJs } from './ui-bundle.mjs';

const rows = [];
const row = (figure, value, baseline, goal, ok) =>
  rows.push({ figure, value, baseline, goal, verdict: ok ? 'ok' : 'MISSED' });
const ms = (v) => `${v.toFixed(1)} ms`;

const start = await measureColdStart();
const startRatio = start.skiff / start.bare;
row(
  'engine cold start → /api/v1/health',
  ms(start.skiff),
  `bare node http ${ms(start.bare)}`,
  `≤ 4× (${startRatio.toFixed(2)}×)`,
  startRatio <= 4,
);

const bundle = measureFirstLoadJs();
const kb = bundle.gzippedBytes / 1024;
row(
  'first-load UI JavaScript (gzip)',
  `${kb.toFixed(1)} KB`,
  `${bundle.files.length} file(s)`,
  `≤ 150 KB (${(kb / 150).toFixed(2)} of budget)`,
  kb <= 150,
);

const latency = await measureSystemLatency();
row(
  'GET /api/v1/system p50, 100 conns',
  ms(latency.skiff.p50),
  `bare ${ms(latency.bare.p50)}`,
  `(${(latency.skiff.p50 / Math.max(latency.bare.p50, 0.01)).toFixed(2)}×)`,
  true,
);
row(
  'GET /api/v1/system p99, 100 conns',
  ms(latency.skiff.p99),
  `bare ${ms(latency.bare.p99)}`,
  `≤ 20 ms (${(latency.skiff.p99 / Math.max(latency.bare.p99, 0.01)).toFixed(2)}× bare)`,
  latency.skiff.p99 <= 20 && latency.skiff.errors === 0,
);
row(
  'GET /api/v1/system throughput',
  `${Math.round(latency.skiff.rps)} req/s`,
  `bare ${Math.round(latency.bare.rps)} req/s`,
  `(${(latency.skiff.rps / latency.bare.rps).toFixed(2)}× bare)`,
  latency.skiff.errors === 0,
);

console.table(rows);
const missed = rows.filter((r) => r.verdict !== 'ok');
console.log(
  missed.length === 0
    ? 'All figures within their goals.'
    : `${missed.length} figure(s) missed their goal.`,
);
process.exitCode = missed.length === 0 ? 0 : 1;
