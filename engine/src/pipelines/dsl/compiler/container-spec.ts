import { SkiffError } from '../../../core/errors.js';
import type { ContainerResources, ContainerSpec } from '../../ir/pipeline-spec.js';
import type { PipelineTask } from '../pipeline-task.js';
import type { ContainerDefinition, ResourceSettings } from '../signature.js';

/**
 * The executor (`deploymentSpec.executors.exec-<task>.container`) for a container task:
 * the component's image and command, with the task's env and resources layered on top.
 * Resources are written twice, as KFP does: the string fields and the deprecated numbers.
 */
export function containerSpec(definition: ContainerDefinition, task: PipelineTask): ContainerSpec {
  const spec: ContainerSpec = { image: definition.image, command: [...definition.command] };
  if (definition.args !== undefined) spec.args = [...definition.args];
  const env = Object.entries({ ...definition.env, ...task.env });
  if (env.length > 0) spec.env = env.map(([name, value]) => ({ name, value }));
  const settings = { ...definition.resources, ...task.resources };
  const resources = containerResources(task.name, settings);
  if (resources !== undefined) spec.resources = resources;
  return spec;
}

const CPU = /^([0-9]*[.])?[0-9]+m?$/;
const MEMORY = /^[0-9]+(E|Ei|P|Pi|T|Ti|G|Gi|M|Mi|K|Ki)?$/;

/** Memory in GB, as KFP's `_memory_to_float`. */
const MEMORY_UNITS: Record<string, number> = {
  E: 1e18,
  Ei: 2 ** 60,
  P: 1e15,
  Pi: 2 ** 50,
  T: 1e12,
  Ti: 2 ** 40,
  G: 1e9,
  Gi: 2 ** 30,
  M: 1e6,
  Mi: 2 ** 20,
  K: 1e3,
  Ki: 2 ** 10,
  '': 1,
};

function containerResources(
  task: string,
  settings: ResourceSettings,
): ContainerResources | undefined {
  const resources: ContainerResources = {};
  if (settings.cpuRequest !== undefined) {
    resources.resourceCpuRequest = settings.cpuRequest;
    resources.cpuRequest = cpu(task, 'cpuRequest', settings.cpuRequest);
  }
  if (settings.cpuLimit !== undefined) {
    resources.resourceCpuLimit = settings.cpuLimit;
    resources.cpuLimit = cpu(task, 'cpuLimit', settings.cpuLimit);
  }
  if (settings.memoryRequest !== undefined) {
    resources.resourceMemoryRequest = settings.memoryRequest;
    resources.memoryRequest = memory(task, 'memoryRequest', settings.memoryRequest);
  }
  if (settings.memoryLimit !== undefined) {
    resources.resourceMemoryLimit = settings.memoryLimit;
    resources.memoryLimit = memory(task, 'memoryLimit', settings.memoryLimit);
  }
  const accelerator = settings.accelerator;
  if (accelerator !== undefined) {
    if (!Number.isInteger(accelerator.count) || accelerator.count < 1 || accelerator.type === '') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Task "${task}": an accelerator needs a type (e.g. "nvidia.com/gpu") and a whole count ≥ 1.`,
      );
    }
    const count = String(accelerator.count);
    resources.accelerator = {
      type: accelerator.type,
      count,
      resourceType: accelerator.type,
      resourceCount: count,
    };
  }
  return Object.keys(resources).length > 0 ? resources : undefined;
}

function cpu(task: string, field: string, value: string): number {
  if (!CPU.test(value)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Task "${task}": ${field} "${value}" is not a CPU amount; use a number of cores ("2", "0.5") or millicores ("500m").`,
    );
  }
  return value.endsWith('m') ? Number(value.slice(0, -1)) / 1000 : Number(value);
}

function memory(task: string, field: string, value: string): number {
  const match = MEMORY.exec(value);
  if (match === null) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Task "${task}": ${field} "${value}" is not a memory amount; use e.g. "512Mi", "4G" or "1Gi".`,
    );
  }
  const unit = match[1] ?? '';
  const digits = value.slice(0, value.length - unit.length);
  return (Number(digits) * (MEMORY_UNITS[unit] ?? 1)) / 1e9;
}
