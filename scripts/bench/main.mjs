/**
 * `npm run bench`: Skiff's performance figures, each as a ratio against a baseline
 * measured in the same run (machines are noisy; a lone absolute time means little).
 */
import { measureColdStart } from './cold-start.mjs';
import { measureSystemLatency } from './system-latency.mjs';
import { measureFirstLoadJs } from './ui-bundle.mjs';
import { measureCachedRerun } from './pipelines/cached-rerun.mjs';
import { measureConcurrentRuns } from './pipelines/concurrent-runs.mjs';
import { measureDockerSteps } from './pipelines/docker-steps.mjs';
import { measureProcessChain } from './pipelines/process-chain.mjs';
import { measurePythonSteps } from './pipelines/python-steps.mjs';

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

// Pipeline figures. A figure that cannot run here (no Docker, no kfp SDK) says why in its
// row instead of failing the whole bench.
const skipped = (figure, goal, reason) => row(figure, `skipped: ${reason}`, '—', goal, true);

const chain = await measureProcessChain();
const chainRatio = chain.skiff / chain.direct;
row(
  `process executor: ${chain.tasks}-task no-op chain`,
  ms(chain.skiff),
  `${chain.tasks}× spawn(true) ${ms(chain.direct)}`,
  `≤ 1.5× (${chainRatio.toFixed(2)}×)`,
  chainRatio <= 1.5,
);

const docker = await measureDockerSteps();
if (docker.skipped) {
  console.log(`docker executor figure skipped: ${docker.skipped}`);
  skipped('docker executor: 3-step busybox chain', '≤ 1.2×', docker.skipped);
} else {
  const dockerRatio = docker.skiff / docker.cli;
  row(
    `docker executor: ${docker.steps}-step busybox chain`,
    ms(docker.skiff),
    `${docker.steps}× docker run --rm ${ms(docker.cli)}`,
    `≤ 1.2× (${dockerRatio.toFixed(2)}×)`,
    dockerRatio <= 1.2,
  );
}

const cached = await measureCachedRerun();
row(
  `fully cached re-run, ${cached.source} (${cached.tasks} tasks, ${cached.executor})`,
  ms(cached.cached),
  `first run ${ms(cached.first)}`,
  `≤ 300 ms (${(cached.cached / cached.first).toFixed(3)}× first)`,
  cached.cached <= 300,
);

const load = await measureConcurrentRuns();
row(
  `${load.runs} concurrent ${load.tasks}-task runs (process)`,
  `${load.succeeded}/${load.runs} SUCCEEDED`,
  `in ${ms(load.loadMs)}`,
  'all SUCCEEDED',
  load.succeeded === load.runs,
);
row(
  'GET /apis/v2beta1/runs p99 during them, 10 conns',
  ms(load.busy.p99),
  `idle ${ms(load.idle.p99)}`,
  `≤ 50 ms (${(load.busy.p99 / Math.max(load.idle.p99, 0.01)).toFixed(2)}× idle)`,
  load.busy.p99 <= 50 && load.busy.errors === 0,
);

const python = await measurePythonSteps();
if (python.skipped) {
  console.log(`lightweight Python figure skipped: ${python.skipped}`);
  skipped('5 lightweight Python steps vs kfp.local', '≤ 0.33×', python.skipped);
} else {
  const pythonRatio = python.skiff / python.kfpLocal;
  row(
    '5 lightweight Python steps (process)',
    ms(python.skiff),
    `kfp.local ${ms(python.kfpLocal)}`,
    `≤ 0.33× (${pythonRatio.toFixed(2)}×)`,
    pythonRatio <= 0.33,
  );
}

console.table(rows);
const missed = rows.filter((r) => r.verdict !== 'ok');
console.log(
  missed.length === 0
    ? 'All figures within their goals.'
    : `${missed.length} figure(s) missed their goal.`,
);
process.exitCode = missed.length === 0 ? 0 : 1;
