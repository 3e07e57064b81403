import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SKIFF_BIN,
  startEngineProcess,
  tempHome,
  type EngineProcess,
} from '../support/engine-process.js';

const exec = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Two container steps (`sh -c echo`), run as host processes by the process executor. */
const PIPELINE = `# PIPELINE DEFINITION
# Name: cli-hello
components:
  comp-say:
    executorLabel: exec-say
    inputDefinitions:
      parameters:
        text: {parameterType: STRING}
  comp-count:
    executorLabel: exec-count
    inputDefinitions:
      parameters:
        times: {parameterType: NUMBER_INTEGER}
deploymentSpec:
  executors:
    exec-say:
      container:
        image: busybox
        command: [sh, -c, 'echo "greeting: $0"', "{{$.inputs.parameters['text']}}"]
    exec-count:
      container:
        image: busybox
        command: [sh, -c, 'echo "count: $0"', "{{$.inputs.parameters['times']}}"]
pipelineInfo:
  name: cli-hello
root:
  inputDefinitions:
    parameters:
      greeting: {parameterType: STRING}
      times: {parameterType: NUMBER_INTEGER, defaultValue: 2}
  dag:
    tasks:
      say-hello:
        taskInfo: {name: say-hello}
        componentRef: {name: comp-say}
        cachingOptions: {enableCache: true}
        inputs:
          parameters:
            text: {componentInputParameter: greeting}
      count-up:
        taskInfo: {name: count-up}
        componentRef: {name: comp-count}
        dependentTasks: [say-hello]
        cachingOptions: {enableCache: true}
        inputs:
          parameters:
            times: {componentInputParameter: times}
schemaVersion: 2.1.0
sdkVersion: kfp-2.13.0
`;

const FAILING = PIPELINE.replace(
  `'echo "count: $0"'`,
  `'echo "count: $0"; echo "about to fail" >&2; exit 3'`,
).replace(/cli-hello/g, 'cli-fails');

describe('skiff pipeline and skiff run against a running engine', () => {
  let engine: EngineProcess;
  const home = tempHome('skiff-pipeline-cli-');
  const file = join(home, 'hello.yaml');
  const failing = join(home, 'fails.yaml');

  async function skiff(args: string[]): Promise<CliResult> {
    try {
      const { stdout, stderr } = await exec(process.execPath, [SKIFF_BIN, ...args], {
        env: { ...process.env, SKIFF_HOME: home, NO_COLOR: '1' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    writeFileSync(file, PIPELINE);
    writeFileSync(failing, FAILING);
    engine = await startEngineProcess(home);
    const set = await skiff(['settings', 'set', 'pipelines.executor', 'process']);
    expect(set.code, set.stderr).toBe(0);
  });

  afterAll(async () => {
    await engine.stop();
  });

  it('runs a pipeline file with --watch to SUCCEEDED, showing both tasks', async () => {
    const result = await skiff(['run', 'create', file, '-p', 'greeting=hi there', '--watch']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Created run "cli-hello [^"]+" \(\S+\) from hello\.yaml\./);
    expect(result.stderr).toMatch(/say-hello: SUCCEEDED/);
    expect(result.stderr).toMatch(/count-up: SUCCEEDED/);
    expect(result.stderr).toMatch(/✔ Run "cli-hello [^"]+" succeeded/);

    const runId = /\((\S+)\) from/.exec(result.stdout)?.[1] ?? '';
    const logs = await skiff(['run', 'logs', runId]);
    expect(logs.code, logs.stderr).toBe(0);
    expect(logs.stdout).toContain('[say-hello] greeting: hi there');
    expect(logs.stdout).toContain('[count-up] count: 2');
    const one = await skiff(['run', 'logs', runId, 'count-up']);
    expect(one.stdout).toBe('count: 2\n');
  });

  it('refuses a bad -p with exit 2, naming the parameter, before anything runs', async () => {
    const bad = await skiff(['run', 'create', file, '-p', 'greeting=x', '-p', 'times=lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^skiff: -p times: expects an integer \(NUMBER_INTEGER\), got "lots"/,
    );
    const unknown = await skiff(['run', 'create', file, '-p', 'greting=x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('-p greting: the pipeline has no parameter "greting"');
  });

  it('uploads, lists and shows a pipeline, then runs it by name', async () => {
    const upload = await skiff(['pipeline', 'upload', file, '--name', 'hello', '--json']);
    expect(upload.code, upload.stderr).toBe(0);
    const uploaded = JSON.parse(upload.stdout) as {
      pipeline: { pipeline_id: string };
      version: { pipeline_version_id: string };
    };
    expect(uploaded.pipeline.pipeline_id).toBeTruthy();
    expect(uploaded.version.pipeline_version_id).toBeTruthy();

    const list = await skiff(['pipeline', 'list']);
    expect(list.stdout).toMatch(new RegExp(`${uploaded.pipeline.pipeline_id}\\s+hello`));
    const spec = await skiff(['pipeline', 'get', 'hello', '--spec']);
    expect(spec.stdout).toContain('name: cli-hello');
    const get = await skiff(['pipeline', 'get', uploaded.pipeline.pipeline_id]);
    expect(get.stdout).toContain(uploaded.version.pipeline_version_id);

    const bad = await skiff(['run', 'create', 'hello', '-p', 'greeting=x', '-p', 'times=1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('-p times');

    const created = await skiff([
      'run',
      'create',
      'hello',
      '-p',
      'greeting=by name',
      '--experiment',
      'cli-tests',
      '--name',
      'by-name',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const run = JSON.parse(created.stdout) as {
      run_id: string;
      pipeline_version_reference?: unknown;
    };
    expect(run.pipeline_version_reference).toEqual({
      pipeline_id: uploaded.pipeline.pipeline_id,
      pipeline_version_id: uploaded.version.pipeline_version_id,
    });
    const watch = await skiff(['run', 'watch', 'by-name']);
    expect(watch.code, watch.stderr).toBe(0);

    const listed = await skiff(['run', 'list', '--experiment', 'cli-tests']);
    expect(listed.stdout).toMatch(new RegExp(`${run.run_id}\\s+by-name\\s+SUCCEEDED`));
    const shown = await skiff(['run', 'get', run.run_id]);
    expect(shown.stdout).toMatch(/say-hello\s+SUCCEEDED/);
    expect(shown.stdout).toMatch(/count-up\s+SUCCEEDED/);
  });

  it('exits 1 when a task fails, with its error and last log lines', async () => {
    const result = await skiff(['run', 'create', failing, '-p', 'greeting=x', '--watch']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✘ Run "cli-fails [^"]+" failed: /);
    expect(result.stderr).toMatch(/Task "count-up" failed/);
    expect(result.stderr).toContain('about to fail');
  });

  it('reuses cached results, and --no-cache runs every task again', async () => {
    const again = await skiff(['run', 'create', file, '-p', 'greeting=hi there', '--watch']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/say-hello: SUCCEEDED \([^)]*cached\)/);
    const fresh = await skiff([
      'run',
      'create',
      file,
      '-p',
      'greeting=hi there',
      '--no-cache',
      '--watch',
    ]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toMatch(/say-hello: SUCCEEDED/);
    expect(fresh.stderr).not.toMatch(/cached/);
    const byId = await skiff(['run', 'create', 'hello', '-p', 'greeting=x', '--no-cache']);
    expect(byId.code).toBe(2);
    expect(byId.stderr).toContain('--no-cache works with a pipeline file only');
  });
});
