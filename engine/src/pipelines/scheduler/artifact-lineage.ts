/** Lineage for the recorder: which task produced each artifact (and its size), and who read it. */
import { artifactSize } from './artifact-size.js';
import type { RunContext } from './run-context.js';
import type { TaskIo } from './run-model.js';

export async function recordProduced(
  ctx: RunContext,
  taskId: string,
  outputs: TaskIo,
): Promise<void> {
  for (const [outputKey, list] of Object.entries(outputs.artifacts)) {
    for (const artifact of list) {
      const sizeBytes = await artifactSize(artifact.uri);
      ctx.deps.recorder.artifactProduced({
        ...artifact,
        runId: ctx.request.runId,
        producerTaskId: taskId,
        outputKey,
        ...(sizeBytes === undefined ? {} : { sizeBytes }),
      });
    }
  }
}

export function recordConsumed(ctx: RunContext, taskId: string, inputs: TaskIo): void {
  for (const [inputKey, list] of Object.entries(inputs.artifacts)) {
    for (const artifact of list)
      ctx.deps.recorder.artifactConsumed(artifact.artifactId, taskId, inputKey);
  }
}
