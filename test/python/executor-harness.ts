/**
 * What the executor-*.test.ts files share: a scratch folder per test file with a fresh,
 * numbered task root per test, running one of the COMPONENT_CASES with Skiff's offline
 * executor on the host, and reading what it wrote.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { COMPONENT_CASES, type ComponentCase } from './components.js';
import { executorEnv, HOST_PYTHON, runExecutor, type ExecutorInput } from './support.js';

export interface CaseRun {
  root: string;
  input: ExecutorInput;
  output: Record<string, unknown> | undefined;
}

export interface ExecutorScratch {
  /** The test file's scratch folder, removed after its last test. */
  work: string;
  /** A new, empty task root under `work`, numbered in creation order. */
  freshRoot: (label: string) => string;
  /** Runs a component case with Skiff's runtime on the host; it must exit 0. */
  runCase: (c: ComponentCase) => CaseRun;
}

/** Call at the top of a test file: registers the scratch folder's removal with afterAll. */
export function useExecutorScratch(): ExecutorScratch {
  const work = mkdtempSync(join(tmpdir(), 'skiff-py-executor-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  let counter = 0;
  function freshRoot(label: string): string {
    counter += 1;
    const root = join(work, `${String(counter).padStart(2, '0')}-${label.replace(/\W+/g, '-')}`);
    mkdirSync(root, { recursive: true });
    return root;
  }

  function runCase(c: ComponentCase): CaseRun {
    const root = freshRoot(c.fn);
    const input = c.input(root);
    const run = runExecutor({
      python: HOST_PYTHON,
      env: executorEnv('skiff'),
      workDir: root,
      source: c.source,
      fn: c.fn,
      input,
    });
    expect(run.status, `${c.name}\n${run.stdout}\n${run.stderr}`).toBe(0);
    return { root, input, output: run.output };
  }

  return { work, freshRoot, runCase };
}

export const byName = (name: string): ComponentCase => {
  const c = COMPONENT_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
};

export const text = (path: string): string => readFileSync(path, 'utf8');

/** The first artifact an executor_output.json reports for output `name`. */
export const outputArtifact = (
  output: Record<string, unknown> | undefined,
  name: string,
): unknown =>
  (output?.artifacts as Record<string, { artifacts: unknown[] }> | undefined)?.[name]?.artifacts[0];
