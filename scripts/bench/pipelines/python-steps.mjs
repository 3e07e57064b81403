import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { median, startEngine } from './engine.mjs';

const PYTHON = fileURLToPath(new URL('../../../.venv/bin/python', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./five_steps.py', import.meta.url));

function python(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(`five_steps.py ${args[0]} exited ${code}: ${err.trim().split('\n').at(-1)}`),
          ),
    );
  });
}

/** Why the KFP SDK side cannot run, or undefined when `import kfp.local` works. */
async function kfpMissing() {
  if (!existsSync(PYTHON)) return '.venv/bin/python is missing (run `bash scripts/python-venv`)';
  return new Promise((resolve) => {
    const child = spawn(PYTHON, ['-c', 'import kfp.local, kfp.compiler'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.once('exit', (code) =>
      resolve(
        code === 0
          ? undefined
          : `.venv has no working kfp.local (${err.trim().split('\n').at(-1)})`,
      ),
    );
  });
}

/**
 * The same 5-step lightweight-Python pipeline (five_steps.py) compiled by kfp.compiler and
 * run by Skiff's process executor, against kfp.local's SubprocessRunner running the
 * pipeline function in the current environment: the tool a KFP user would reach for to
 * run a pipeline on their machine. Medians of 3 runs each, after a warm-up run on each side.
 */
export async function measurePythonSteps(rounds = 3) {
  const missing = await kfpMissing();
  if (missing) return { skipped: missing };
  const dir = mkdtempSync(join(tmpdir(), 'skiff-bench-five-'));
  const engine = await startEngine();
  try {
    const out = join(dir, 'five_steps.yaml');
    await python(['--compile', out]);
    const spec = parse(readFileSync(out, 'utf8'));
    await engine.settings({ pipelines: { executor: 'process', concurrency: 8 } });
    const check = async () => {
      const { ms, run } = await engine.runToEnd(spec, { start: 0 });
      if (run.state !== 'SUCCEEDED')
        throw new Error(`five_steps on Skiff: ${run.state} ${run.error?.message ?? ''}`);
      const last = run.run_details.task_details.find((t) => t.display_name === 'add-one-5');
      if (last?.output_parameters?.Output !== 5)
        throw new Error(`five_steps on Skiff: Output ${JSON.stringify(last?.output_parameters)}`);
      return ms;
    };
    await check(); // the first run pays one-time costs (imports, the Default experiment)
    // Interleaved, one kfp.local run per Python process, so a busy moment on a shared
    // machine hits both sides rather than one.
    const skiff = [];
    const local = [];
    for (let i = 0; i < rounds; i++) {
      skiff.push(await check());
      local.push(JSON.parse((await python(['--run-local', '1'])).trim().split('\n').at(-1)).ms);
    }
    return { skiff: median(skiff), kfpLocal: median(local) };
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
