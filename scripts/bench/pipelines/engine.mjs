import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIFF = fileURLToPath(new URL('../../../engine/bin/skiff.js', import.meta.url));
const HOST_PYTHON_BIN = fileURLToPath(new URL('../../../.venv-host/bin', import.meta.url));
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED']);

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A throwaway engine (`skiff serve --port 0` on a fresh home) driven over HTTP, as a user
 * or the KFP SDK would. `.venv-host/bin` goes first on its PATH when present, so the
 * process executor finds the host Python with the packages the examples import.
 */
export async function startEngine() {
  const home = mkdtempSync(join(tmpdir(), 'skiff-bench-pipelines-'));
  const path = existsSync(HOST_PYTHON_BIN)
    ? `${HOST_PYTHON_BIN}${delimiter}${process.env.PATH ?? ''}`
    : process.env.PATH;
  const child = spawn(process.execPath, [SKIFF, 'serve', '--port', '0', '--home', home], {
    env: { ...process.env, PATH: path, SKIFF_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`skiff serve printed no URL:\n${output}`)),
      20_000,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    // Keep stderr drained (a full pipe would stall the engine) and kept for errors.
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
    child.once('exit', (code) => reject(new Error(`skiff serve exited ${code}:\n${output}`)));
  });
  const token = readFileSync(join(home, 'token'), 'utf8').trim();
  const headers = { authorization: `Bearer ${token}` };

  async function api(method, path, body) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text === '' ? {} : JSON.parse(text);
  }

  let watcher;
  const engine = {
    url,
    home,
    headers,
    api,
    settings: (patch) => api('PATCH', '/api/v1/settings', patch),
    createRun: (spec, parameters = {}, name = 'bench') =>
      api('POST', '/apis/v2beta1/runs', {
        display_name: name,
        pipeline_spec: spec,
        runtime_config: { parameters },
      }),
    /**
     * POST → the run's terminal `run.updated` event on the SSE stream (opened once, before
     * the POST). Polling `GET /runs/{id}` instead costs the engine ~0.5 ms a call for a
     * 100-task run (it serialises every task), on the same thread that schedules: 5–10 %
     * of a chain's time. The run is fetched once afterwards, outside the timing.
     */
    async runToEnd(spec, parameters = {}) {
      watcher ??= await engine.watchRuns();
      const started = performance.now();
      const { run_id: id } = await engine.createRun(spec, parameters);
      const ended = await watcher.ended(id);
      const ms = ended.at - started;
      return { ms, run: await api('GET', `/apis/v2beta1/runs/${id}`) };
    },
    /** Terminal `run.updated` events from the SSE stream, for many runs without polling. */
    async watchRuns() {
      const controller = new AbortController();
      const response = await fetch(`${url}/api/v1/events?types=run.updated`, {
        headers,
        signal: controller.signal,
      });
      const ended = new Map();
      const waiters = new Map();
      (async () => {
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let at;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            if (!/^event: run\.updated$/m.test(block)) continue;
            const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
            if (!TERMINAL.has(data.state)) continue;
            ended.set(data.runId, { ...data, at: performance.now() });
            waiters.get(data.runId)?.(ended.get(data.runId));
          }
        }
      })().catch(() => {});
      return {
        /** Resolves with the run's terminal event; rejects after `timeoutMs` (a hung run). */
        ended: (runId, timeoutMs = 120_000) =>
          ended.get(runId) ??
          new Promise((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`run ${runId} did not end within ${timeoutMs / 1000} s`)),
              timeoutMs,
            );
            waiters.set(runId, (event) => {
              clearTimeout(timer);
              resolve(event);
            });
          }),
        close: () => controller.abort(),
      };
    },
    async stop() {
      watcher?.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
    output: () => output,
  };
  return engine;
}

/** Whether a Docker daemon answers, and why not when it does not. */
export async function dockerStatus() {
  return new Promise((resolve) => {
    const child = spawn('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('error', (error) => resolve({ up: false, reason: `docker CLI: ${error.message}` }));
    child.once('exit', (code) =>
      resolve(
        code === 0
          ? { up: true }
          : { up: false, reason: `Docker isn't up (${out.trim().split('\n').at(-1)})` },
      ),
    );
  });
}
