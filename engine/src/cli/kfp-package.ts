/**
 * Pipeline packages as `kfp.compiler` writes them — IR YAML (PipelineSpec, then an
 * optional platform document), JSON, or a zip / tar.gz holding one — read into the object
 * a run's inline `pipeline_spec` carries, plus helpers on that object.
 */
import { gunzipSync } from 'node:zlib';
import { SkiffError } from '../core/errors.js';
import type { ParameterSpec, PipelineSpec, PlatformSpec } from '../pipelines/ir/pipeline-spec.js';
import type { KfpSpecObject } from './kfp-types.js';

export interface PipelinePackageDocs {
  pipelineSpec: PipelineSpec;
  platformSpec?: PlatformSpec;
}

const SPEC_FILE = /\.(ya?ml|json)$/i;

/** Reads the package bytes; `fileName` decides zip / tar.gz / text. */
export async function readPipelinePackage(
  bytes: Uint8Array,
  fileName: string,
): Promise<PipelinePackageDocs> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip')) return parseSpecText(await fromZip(bytes, fileName), fileName);
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) {
    return parseSpecText(await fromTarGz(bytes, fileName), fileName);
  }
  return parseSpecText(new TextDecoder().decode(bytes), fileName);
}

/** YAML (one or two documents) or JSON (a spec, or `{pipeline_spec, platform_spec}`). */
export async function parseSpecText(text: string, fileName: string): Promise<PipelinePackageDocs> {
  const { parseAllDocuments } = await import('yaml');
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const values: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error !== undefined) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `${fileName}: not valid YAML or JSON: ${error.message}`,
        {
          file: fileName,
        },
      );
    }
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  const [first, second] = values;
  if (isRecord(first) && isRecord(first.pipeline_spec)) return splitStruct(first, fileName);
  if (!isRecord(first) || !isRecord(first.root) || !isRecord(first.pipelineInfo)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${fileName}: not a KFP pipeline (a PipelineSpec needs pipelineInfo and root). Compile it with kfp.compiler.Compiler().compile(…).`,
      { file: fileName },
    );
  }
  const docsOut: PipelinePackageDocs = { pipelineSpec: first as unknown as PipelineSpec };
  if (isRecord(second) && isRecord(second.platforms)) {
    docsOut.platformSpec = second as unknown as PlatformSpec;
  }
  return docsOut;
}

/** What a run's `pipeline_spec` carries: the spec, or KFP's struct with a platform spec. */
export function toRunSpec(docs: PipelinePackageDocs): KfpSpecObject {
  const spec = docs.pipelineSpec as unknown as KfpSpecObject;
  if (docs.platformSpec === undefined) return spec;
  return { pipeline_spec: spec, platform_spec: docs.platformSpec };
}

/** The reverse: a version's or run's `pipeline_spec` object as documents. */
export function fromRunSpec(value: KfpSpecObject | undefined): PipelinePackageDocs | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value.pipeline_spec)) return splitStruct(value, 'pipeline_spec');
  if (isRecord(value.root)) return { pipelineSpec: value as unknown as PipelineSpec };
  return undefined;
}

/** The pipeline's own inputs: `root.inputDefinitions.parameters`. */
export function pipelineParameters(spec: PipelineSpec): Record<string, ParameterSpec> {
  return spec.root.inputDefinitions?.parameters ?? {};
}

/**
 * Caching off for every task of every DAG — what the KFP SDK does for
 * `enable_caching=False`, since the KFP API has no run-level switch. Returns a copy.
 */
export function withCachingDisabled(spec: PipelineSpec): PipelineSpec {
  const copy = structuredClone(spec);
  for (const component of [copy.root, ...Object.values(copy.components ?? {})]) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      task.cachingOptions = { ...(task.cachingOptions ?? {}), enableCache: false };
    }
  }
  return copy;
}

function splitStruct(value: Record<string, unknown>, fileName: string): PipelinePackageDocs {
  const spec = value.pipeline_spec;
  if (!isRecord(spec) || !isRecord(spec.root)) {
    throw new SkiffError('INVALID_ARGUMENT', `${fileName}: pipeline_spec has no root.`, {
      file: fileName,
    });
  }
  const docs: PipelinePackageDocs = { pipelineSpec: spec as unknown as PipelineSpec };
  if (isRecord(value.platform_spec)) {
    docs.platformSpec = value.platform_spec as unknown as PlatformSpec;
  }
  return docs;
}

async function fromZip(bytes: Uint8Array, fileName: string): Promise<string> {
  const { unzipSync } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => SPEC_FILE.test(file.name) });
  } catch (error) {
    throw archiveError(fileName, error);
  }
  return onlySpec(Object.entries(entries), fileName);
}

async function fromTarGz(bytes: Uint8Array, fileName: string): Promise<string> {
  const { extract } = await import('tar-stream');
  const found: Array<[string, Uint8Array]> = [];
  try {
    const tar = extract();
    const done = (async () => {
      for await (const entry of tar) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
        if (entry.header.type === 'file' && SPEC_FILE.test(entry.header.name)) {
          found.push([entry.header.name, Buffer.concat(chunks)]);
        }
      }
    })();
    tar.end(gunzipSync(bytes));
    await done;
  } catch (error) {
    throw archiveError(fileName, error);
  }
  return onlySpec(found, fileName);
}

function onlySpec(entries: Array<[string, Uint8Array]>, fileName: string): string {
  const specs = entries.filter(([name]) => !name.split('/').some((part) => part.startsWith('.')));
  const [first] = specs;
  if (first === undefined || specs.length > 1) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${fileName}: an archive must hold exactly one pipeline file (.yaml, .yml or .json); found ${specs.length}.`,
      { file: fileName },
    );
  }
  return new TextDecoder().decode(first[1]);
}

function archiveError(fileName: string, error: unknown): SkiffError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SkiffError(
    'INVALID_ARGUMENT',
    `${fileName}: not a readable archive: ${reason}`,
    {
      file: fileName,
    },
    { cause: error },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
