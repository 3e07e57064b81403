import { SkiffError, invalidArgument, toSkiffError } from '../../../core/errors.js';
import { validatePipelineSpec } from '../../../pipelines/ir/ir-validator.js';
import {
  pipelinePackageFromValue,
  readPipelinePackage,
} from '../../../pipelines/ir/package-reader.js';
import type { PipelinePackage } from '../../../pipelines/ir/pipeline-spec.js';
import { isJsonObject } from './request-fields.js';

/** An uploaded or downloaded pipeline file (YAML, JSON, zip, tar.gz), read and validated. */
export function packageFromFile(
  data: Uint8Array,
  fileName: string,
  field: string,
): PipelinePackage {
  return naming(field, () => {
    const pkg = readPipelinePackage(data, fileName);
    validatePipelineSpec(pkg);
    return pkg;
  });
}

/**
 * A `pipeline_spec` from a request body: the PipelineSpec itself, or KFP's
 * `{pipeline_spec, platform_spec}` struct when there is a platform spec.
 */
export function packageFromStruct(value: unknown, field: string): PipelinePackage {
  if (!isJsonObject(value)) throw invalidArgument(field, 'must be a PipelineSpec JSON object');
  return naming(field, () => {
    const pkg = pipelinePackageFromValue(value, field);
    validatePipelineSpec(pkg);
    return pkg;
  });
}

/** Prefixes an INVALID_ARGUMENT from the IR reader or validator with the request field. */
function naming<T>(field: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const failure = toSkiffError(error);
    if (failure.code !== 'INVALID_ARGUMENT') throw failure;
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `${field}: ${failure.message}`,
      { ...failure.details, field },
      { cause: failure },
    );
  }
}
