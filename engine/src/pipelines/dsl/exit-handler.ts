import { SkiffError } from '../../core/errors.js';
import { activeBuilder } from './pipeline-builder.js';
import type { PipelineTask } from './pipeline-task.js';

/**
 * Runs `exitTask` after the tasks in `body`, whether they succeeded or failed (KFP's
 * `dsl.ExitHandler`). The body becomes `exit-handler-N`; the exit task waits on it with
 * `ALL_UPSTREAM_TASKS_COMPLETED` and gets its final status through any `param.finalStatus()`
 * input:
 *
 *   exitHandler(notify(), () => { train(...); });
 */
export function exitHandler(
  exitTask: PipelineTask,
  body: () => void,
  options: { name?: string } = {},
): void {
  const builder = activeBuilder('exitHandler()');
  if (builder.currentGroup !== builder.root) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      'exitHandler() can only be used at the top level of a pipeline body, not inside a loop, ' +
        'condition or another exit handler.',
    );
  }
  const index = builder.root.tasks.indexOf(exitTask);
  if (exitTask.owner !== builder || index === -1 || exitTask.isExitTask) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `exitHandler() takes a task created just before it at the top level of this pipeline; ` +
        `"${exitTask.name}" is not one (or already guards another exit handler).`,
    );
  }
  const dependsOnTask =
    exitTask.upstream.length > 0 ||
    [...exitTask.args.values()].some(
      (arg) =>
        (arg.kind === 'channel' && arg.channel.source !== 'pipeline-input') ||
        (arg.kind === 'format' && arg.channels.some((c) => c.source !== 'pipeline-input')),
    );
  if (dependsOnTask) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `The exit task "${exitTask.name}" cannot depend on other tasks; pass it pipeline inputs or constants only.`,
    );
  }
  builder.root.tasks.splice(index, 1);
  exitTask.isExitTask = true;
  builder.openGroup({ kind: 'exit-handler', exitTask }, body, options.name);
}
