/**
 * PipelineSpecs built in code, in the shape `kfp.compiler` writes for container
 * components: one `comp-<task>` and `exec-<task>` per task (the compiler numbers repeats
 * `-2`, `-3`, …), `dependentTasks` for `.after()`, and `cachingOptions: {}` for
 * `set_caching_options(False)`.
 */

/** `count` container tasks, each after the previous one. */
export function containerChain({ name, count, image, command, cache = false }) {
  const components = {};
  const executors = {};
  const tasks = {};
  for (let i = 1; i <= count; i++) {
    const key = i === 1 ? 'step' : `step-${i}`;
    components[`comp-${key}`] = { executorLabel: `exec-${key}` };
    executors[`exec-${key}`] = { container: { image, command } };
    tasks[key] = {
      cachingOptions: cache ? { enableCache: true } : {},
      componentRef: { name: `comp-${key}` },
      ...(i === 1 ? {} : { dependentTasks: [i === 2 ? 'step' : `step-${i - 1}`] }),
      taskInfo: { name: key },
    };
  }
  return {
    components,
    deploymentSpec: { executors },
    pipelineInfo: { name },
    root: { dag: { tasks } },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.14.6',
  };
}
