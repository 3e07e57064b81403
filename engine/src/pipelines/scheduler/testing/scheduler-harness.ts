/** Runs a pipeline through the scheduler with in-memory ports, for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../../core/ports.js';
import type { ContainerExecutor } from '../../../executors/container-executor.js';
import { FakeClock, sequentialIds } from '../../../testing/fake-ports.js';
import type { PipelineSpec, PlatformSpec, ProtoValue } from '../../ir/pipeline-spec.js';
import type { RunOutcome, RunRequest, TaskRecord } from '../run-model.js';
import { runPipeline } from '../run-pipeline.js';
import { InMemoryCache } from './memory-cache.js';
import { InMemoryRecorder } from './memory-recorder.js';

export interface HarnessRun {
  spec: PipelineSpec;
  platformSpec?: PlatformSpec | undefined;
  executor: ContainerExecutor;
  parameters?: Record<string, ProtoValue>;
  cache?: InMemoryCache;
  cacheEnabled?: boolean;
  concurrency?: number;
  resumeFrom?: TaskRecord[];
  signal?: AbortSignal;
  clock?: FakeClock;
  runId?: string;
  pipelineRoot?: string;
  pythonRuntimeDir?: string;
  resolveImage?: (image: string) => string;
}

export interface HarnessResult {
  outcome: RunOutcome;
  recorder: InMemoryRecorder;
  cache: InMemoryCache;
  clock: FakeClock;
  pipelineRoot: string;
}

const roots: string[] = [];

export const silentLogger: Logger = { log: () => undefined, child: () => silentLogger };

/** A fresh folder for a run's artifacts; removeHarnessRoots() deletes them all. */
export function harnessRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'skiff-scheduler-'));
  roots.push(root);
  return root;
}

export function removeHarnessRoots(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

export async function runHarness(run: HarnessRun): Promise<HarnessResult> {
  const recorder = new InMemoryRecorder();
  const cache = run.cache ?? new InMemoryCache();
  const clock = run.clock ?? new FakeClock();
  const runId = run.runId ?? 'run-1';
  const pipelineRoot = run.pipelineRoot ?? harnessRoot();
  const request: RunRequest = {
    runId,
    jobName: `${run.spec.pipelineInfo.name}-job`,
    spec: run.spec,
    ...(run.platformSpec ? { platformSpec: run.platformSpec } : {}),
    parameters: run.parameters ?? {},
    pipelineRoot,
    cacheEnabled: run.cacheEnabled ?? false,
    concurrency: run.concurrency ?? 8,
    createTime: new Date('2026-01-01T00:00:00Z'),
    ...(run.resumeFrom ? { resumeFrom: run.resumeFrom } : {}),
  };
  const outcome = await runPipeline(
    request,
    {
      executor: run.executor,
      resolveImage: run.resolveImage ?? ((image) => image),
      cache,
      recorder,
      clock,
      ids: sequentialIds(`${runId}-id`),
      logger: silentLogger,
      pythonRuntimeDir: run.pythonRuntimeDir ?? path.join(pipelineRoot, 'no-python-runtime'),
    },
    run.signal ?? new AbortController().signal,
  );
  return { outcome, recorder, cache, clock, pipelineRoot };
}
