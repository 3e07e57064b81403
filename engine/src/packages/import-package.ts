/**
 * Importing an exported package (YAML, zip, or a GitOps folder's pipeline.yaml): the
 * same reader and validator an upload goes through, so an export is accepted exactly
 * when the API would accept it.
 */
import { validatePipelineSpec } from '../pipelines/ir/ir-validator.js';
import { readPipelinePackage } from '../pipelines/ir/package-reader.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';

/** Throws SkiffError INVALID_ARGUMENT naming the file and what is wrong with it. */
export function importPackage(data: Uint8Array, fileName: string): PipelinePackage {
  const pkg = readPipelinePackage(data, fileName);
  validatePipelineSpec(pkg);
  return pkg;
}
