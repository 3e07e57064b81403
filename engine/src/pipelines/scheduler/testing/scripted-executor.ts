/**
 * A ContainerExecutor for scheduler tests: each run is matched to a scripted behaviour
 * (by task key, Python function, image or argv) that writes outputs the way a real
 * component does (parameter files, artifacts, executor_output.json) and returns an exit
 * code. It records every call and the highest number of runs at once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SkiffError } from '../../../core/errors.js';
import type {
  ContainerExecutor,
  ContainerRunResult,
  ContainerRunSpec,
  RunHooks,
} from '../../../executors/container-executor.js';
import type { ProtoValue } from '../../ir/pipeline-spec.js';
import type { ExecutorInput } from '../executor-input.js';

export type Matcher =
  | { task?: string; fn?: string; image?: string; argv?: string | RegExp }
  | ((spec: ContainerRunSpec) => boolean);

export type Behaviour = (run: ScriptedRun) => number | undefined | Promise<number | undefined>;

export class ScriptedRun {
  readonly #parameterValues: Record<string, ProtoValue> = {};
  readonly #artifactMetadata: Record<string, Record<string, ProtoValue>> = {};

  constructor(
    readonly spec: ContainerRunSpec,
    readonly hooks: RunHooks,
    /** 1 for the first time this task key ran, 2 for its first retry, and so on. */
    readonly attempt: number,
  ) {}

  get task(): string {
    return this.spec.labels?.['skiff.task-name'] ?? '';
  }

  /** The ExecutorInput passed after `--executor_input` (lightweight Python components). */
  get executorInput(): ExecutorInput | undefined {
    const index = this.spec.argv.indexOf('--executor_input');
    const json = index >= 0 ? this.spec.argv[index + 1] : undefined;
    return json === undefined ? undefined : (JSON.parse(json) as ExecutorInput);
  }

  /** An input parameter from the ExecutorInput. */
  input(name: string): ProtoValue | undefined {
    return this.executorInput?.inputs.parameterValues[name];
  }

  /** An input parameter as text: strings as they are, other values as JSON. */
  text(name: string): string {
    const value = this.input(name);
    return typeof value === 'string' ? value : JSON.stringify(value ?? null);
  }

  get taskRoot(): string {
    const root = this.spec.env.SKIFF_TASK_ROOT;
    if (root === undefined) throw new Error('The run spec has no SKIFF_TASK_ROOT.');
    return root;
  }

  /** Sets an output parameter through executor_output.json, as kfp's executor does. */
  output(name: string, value: ProtoValue): void {
    this.#parameterValues[name] = value;
  }

  /** Writes an output parameter file as a `dsl.OutputPath` component does. */
  async outputFile(name: string, text: string): Promise<void> {
    const file = path.join(this.taskRoot, 'parameters', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }

  /** Writes an output artifact's content at its URI, with optional metadata. */
  async artifact(
    name: string,
    content: string,
    metadata?: Record<string, ProtoValue>,
  ): Promise<string> {
    const uri =
      this.executorInput?.outputs.artifacts[name]?.artifacts[0]?.uri ??
      path.join(this.taskRoot, name);
    await mkdir(path.dirname(uri), { recursive: true });
    await writeFile(uri, content);
    if (metadata !== undefined) this.#artifactMetadata[name] = metadata;
    return uri;
  }

  log(line: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    this.hooks.onLog(line, stream);
  }

  /** Waits until the run is cancelled, then rejects as a real executor does. */
  async untilCancelled(): Promise<never> {
    const signal = this.hooks.signal;
    if (!signal.aborted)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    throw new SkiffError('CANCELLED', `Task ${this.task} was stopped.`);
  }

  async flush(): Promise<void> {
    const hasParameters = Object.keys(this.#parameterValues).length > 0;
    const hasMetadata = Object.keys(this.#artifactMetadata).length > 0;
    if (!hasParameters && !hasMetadata) return;
    const artifacts = Object.fromEntries(
      Object.entries(this.#artifactMetadata).map(([name, metadata]) => [
        name,
        { artifacts: [{ metadata }] },
      ]),
    );
    const file = path.join(this.taskRoot, 'executor_output.json');
    await writeFile(file, JSON.stringify({ parameterValues: this.#parameterValues, artifacts }));
  }
}

export class ScriptedExecutor implements ContainerExecutor {
  readonly kind = 'process' as const;
  /** Every run spec, in the order the runs started. */
  readonly calls: ContainerRunSpec[] = [];
  maxConcurrent = 0;
  #active = 0;
  readonly #rules: { matcher: Matcher; behaviour: Behaviour }[] = [];
  readonly #attempts = new Map<string, number>();

  constructor(private readonly fallback: Behaviour = () => 0) {}

  on(matcher: Matcher, behaviour: Behaviour): this {
    this.#rules.push({ matcher, behaviour });
    return this;
  }

  /** Task keys in the order they started (retries included). */
  get started(): string[] {
    return this.calls.map((spec) => spec.labels?.['skiff.task-name'] ?? '?');
  }

  async run(spec: ContainerRunSpec, hooks: RunHooks): Promise<ContainerRunResult> {
    hooks.signal.throwIfAborted();
    this.calls.push(spec);
    const key = spec.env.SKIFF_TASK_ROOT ?? spec.name;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    this.#active++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.#active);
    hooks.onStarted?.(`scripted-${this.calls.length}`);
    try {
      const run = new ScriptedRun(spec, hooks, attempt);
      const rule = this.#rules.find((candidate) => matches(candidate.matcher, spec));
      const exitCode = (await (rule?.behaviour ?? this.fallback)(run)) ?? 0;
      await run.flush();
      return { exitCode, id: `scripted-${this.calls.length}` };
    } finally {
      this.#active--;
    }
  }
}

function matches(matcher: Matcher, spec: ContainerRunSpec): boolean {
  if (typeof matcher === 'function') return matcher(spec);
  if (matcher.task !== undefined && spec.labels?.['skiff.task-name'] !== matcher.task) return false;
  if (matcher.image !== undefined && spec.image !== matcher.image) return false;
  if (matcher.fn !== undefined) {
    const index = spec.argv.indexOf('--function_to_execute');
    if (index < 0 || spec.argv[index + 1] !== matcher.fn) return false;
  }
  if (matcher.argv !== undefined) {
    const text = spec.argv.join(' ');
    const found =
      typeof matcher.argv === 'string' ? text.includes(matcher.argv) : matcher.argv.test(text);
    if (!found) return false;
  }
  return true;
}
