/**
 * Reads and writes pipeline packages: the file formats a KFP pipeline arrives in (IR
 * YAML with an optional platform document, JSON, the backend's `{pipeline_spec,
 * platform_spec}` struct, or a zip / tar(.gz) holding one such file).
 *
 * Reading checks the file and its document structure only. The PipelineSpec inside is
 * unchecked until `validatePipelineSpec` (ir-validator.ts) has accepted it, so callers
 * run both, in that order.
 */
import { stringify } from 'yaml';
import { SkiffError } from '../../core/errors.js';
import { jsonValue } from './json-value.js';
import { unpackPipelineFile } from './package-archive.js';
import { parsePipelineDocuments } from './pipeline-documents.js';
import type { PipelinePackage, PipelineSpec, PlatformSpec, ProtoValue } from './pipeline-spec.js';

/** Reads an uploaded pipeline file. Throws SkiffError INVALID_ARGUMENT saying what is wrong. */
export function readPipelinePackage(data: Uint8Array, fileName = 'pipeline.yaml'): PipelinePackage {
  const file = unpackPipelineFile(data, fileName);
  return packageFromDocuments(parsePipelineDocuments(file.bytes, file.name), file.name);
}

/**
 * A package from an already-parsed JSON value: a PipelineSpec, or the backend's
 * `{pipeline_spec, platform_spec}` struct (as in a KFP API request body).
 */
export function pipelinePackageFromValue(value: unknown, name = 'pipeline_spec'): PipelinePackage {
  return packageFromDocuments([jsonValue(value, name)], name);
}

/**
 * The package as IR YAML, the way kfp.compiler writes it: sorted keys, a comment header,
 * and the platform document after `---` when there is one. Reading the text back gives
 * an equal package. Strings YAML 1.1 readers (PyYAML, the KFP SDK) would take for
 * booleans or numbers are quoted.
 */
export function serializePipelinePackage(pkg: PipelinePackage): string {
  const options = {
    compat: 'yaml-1.1',
    sortMapEntries: true,
    aliasDuplicateObjects: false,
    lineWidth: 0,
  } as const;
  const name = pkg.pipelineSpec.pipelineInfo.name.replace(/\s+/g, ' ');
  const header = `# PIPELINE DEFINITION\n# Name: ${name}\n`;
  const spec = stringify(pkg.pipelineSpec, options);
  return pkg.platformSpec
    ? `${header}${spec}---\n${stringify(pkg.platformSpec, options)}`
    : header + spec;
}

function packageFromDocuments(documents: ProtoValue[], name: string): PipelinePackage {
  const [first, second, ...rest] = documents;
  if (first === undefined) {
    throw invalid(
      `"${name}" is empty: it holds no YAML document, only comments or blank lines. Upload the pipeline YAML that kfp.compiler wrote.`,
    );
  }
  if (rest.length > 0) {
    throw invalid(
      `"${name}" holds ${documents.length} YAML documents; a pipeline file holds the PipelineSpec and, optionally, a second document with \`platforms:\`.`,
    );
  }
  if (!isMapping(first))
    throw invalid(`"${name}" is not a pipeline: ${describeTopLevel(first)}`, 'pipelineSpec');
  if (isBackendStruct(first)) {
    if (second !== undefined)
      throw invalid(
        `"${name}": a {pipeline_spec, platform_spec} struct stands alone; remove the second YAML document.`,
      );
    return fromBackendStruct(first, name);
  }
  rejectForeignFormats(first, name);
  if (second === undefined) return { pipelineSpec: first as unknown as PipelineSpec };
  return {
    pipelineSpec: first as unknown as PipelineSpec,
    platformSpec: platformSpec(second, name, 'document 2'),
  };
}

function fromBackendStruct(struct: Record<string, ProtoValue>, name: string): PipelinePackage {
  const spec = struct.pipeline_spec ?? struct.pipelineSpec;
  if (!isMapping(spec))
    throw invalid(`"${name}": pipeline_spec must be a PipelineSpec mapping.`, 'pipeline_spec');
  const platform = struct.platform_spec ?? struct.platformSpec;
  const pkg: PipelinePackage = { pipelineSpec: spec as unknown as PipelineSpec };
  if (
    platform !== undefined &&
    platform !== null &&
    !(isMapping(platform) && Object.keys(platform).length === 0)
  ) {
    pkg.platformSpec = platformSpec(platform, name, 'platform_spec');
  }
  return pkg;
}

function platformSpec(value: ProtoValue, name: string, where: string): PlatformSpec {
  if (!isMapping(value) || !isMapping(value.platforms)) {
    throw invalid(
      `"${name}": ${where} must be a PlatformSpec, a mapping with a top-level \`platforms:\` mapping (e.g. platforms.kubernetes).`,
      where,
    );
  }
  return value as unknown as PlatformSpec;
}

function isBackendStruct(value: Record<string, ProtoValue>): boolean {
  const wraps = Object.hasOwn(value, 'pipeline_spec') || Object.hasOwn(value, 'pipelineSpec');
  return wraps && !Object.hasOwn(value, 'root') && !Object.hasOwn(value, 'pipelineInfo');
}

/** Files that are YAML but not a PipelineSpec get a message saying what they are. */
function rejectForeignFormats(value: Record<string, ProtoValue>, name: string): void {
  if (Object.hasOwn(value, 'root') || Object.hasOwn(value, 'pipelineInfo')) return;
  if (typeof value.kind === 'string' && typeof value.apiVersion === 'string') {
    const what =
      value.kind === 'Workflow'
        ? 'an Argo Workflow (a KFP v1 pipeline). Compile the pipeline with the KFP v2 SDK'
        : `a Kubernetes manifest (kind: ${value.kind}). Compile the pipeline to plain IR YAML (without kubernetes_manifest_format)`;
    throw invalid(`"${name}" is ${what} and upload that file.`);
  }
  if (Object.hasOwn(value, 'implementation') || Object.hasOwn(value, 'executorLabel')) {
    throw invalid(
      `"${name}" is a component definition, not a pipeline. Use the component in a @dsl.pipeline and compile that.`,
    );
  }
  if (Object.hasOwn(value, 'platforms')) {
    throw invalid(
      `"${name}" starts with a platform document; the PipelineSpec must be the first YAML document.`,
    );
  }
}

function describeTopLevel(value: ProtoValue): string {
  const kind = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
  return `its top level is ${kind}, but a pipeline YAML is a mapping with pipelineInfo, root, components and deploymentSpec.`;
}

function isMapping(value: ProtoValue | undefined): value is Record<string, ProtoValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, path?: string): SkiffError {
  return new SkiffError('INVALID_ARGUMENT', message, path === undefined ? {} : { path });
}
