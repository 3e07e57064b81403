/** Pipelines and a settings port for the targets tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMergePatch } from '../../engine/src/store/json-merge-patch.js';
import {
  compile,
  containerComponent,
  param,
  pipeline,
} from '../../engine/src/pipelines/dsl/index.js';
import type { PipelineSpec } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import { exportPackageYaml } from '../../engine/src/packages/export-yaml.js';
import { TargetStore } from '../../engine/src/targets/target-store.js';

export function greetSpec(image = 'busybox', message = 'hello'): PipelineSpec {
  const say = containerComponent({
    name: 'say',
    image,
    inputs: { text: param.string() },
    command: ({ inputs }) => ['sh', '-c', `echo "${message} ${inputs.text}"`],
  });
  const greet = pipeline(
    { name: 'greet-target', inputs: { text: param.string({ default: 'world' }) } },
    ({ inputs }) => {
      say({ text: inputs.text });
    },
  );
  return compile(greet);
}

export function writeSpec(dir: string, spec: PipelineSpec, name = 'greet.yaml'): string {
  const file = join(dir, name);
  writeFileSync(file, exportPackageYaml({ pipelineSpec: spec }));
  return file;
}

/** A store over an in-memory `targets` settings object, secrets in a temp home. */
export function memoryStore(): { store: TargetStore; home: string; settings: () => unknown } {
  const home = mkdtempSync(join(tmpdir(), 'skiff-targets-'));
  let targets: unknown = {};
  const store = new TargetStore(TargetStore.secretsDirOf(home), {
    read: () => targets,
    patch: (patch) => {
      targets = applyMergePatch(targets, patch);
      return Promise.resolve();
    },
  });
  return { store, home, settings: () => targets };
}
