import { invalidArgument } from '../../../core/errors.js';
import type {
  ParameterSpec,
  ParameterType,
  PipelineSpec,
} from '../../../pipelines/ir/pipeline-spec.js';

const EXPECTED: Partial<Record<ParameterType, { test: (v: unknown) => boolean; what: string }>> = {
  STRING: { test: (v) => typeof v === 'string', what: 'a string' },
  NUMBER_INTEGER: {
    test: (v) => typeof v === 'number' && Number.isInteger(v),
    what: 'a whole number',
  },
  NUMBER_DOUBLE: { test: (v) => typeof v === 'number', what: 'a number' },
  BOOLEAN: { test: (v) => typeof v === 'boolean', what: 'true or false' },
  LIST: { test: (v) => Array.isArray(v), what: 'a JSON list' },
  STRUCT: {
    test: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    what: 'a JSON object',
  },
};

/**
 * Checks `runtime_config.parameters` against the pipeline's root inputs before a run is
 * stored: no unknown names, every required input given, each value of its declared type
 * (JSON types as protobuf's Value carries them: "5" is not a NUMBER_INTEGER).
 */
export function checkRuntimeParameters(spec: PipelineSpec, given: Record<string, unknown>): void {
  const declared: Record<string, ParameterSpec> = spec.root.inputDefinitions?.parameters ?? {};
  const names = Object.keys(declared);
  for (const [name, value] of Object.entries(given)) {
    const field = `runtime_config.parameters.${name}`;
    const parameter = declared[name];
    if (!parameter) {
      throw invalidArgument(
        field,
        names.length === 0
          ? `pipeline "${spec.pipelineInfo.name}" takes no parameters`
          : `is not a parameter of pipeline "${spec.pipelineInfo.name}"; it takes ${names.join(', ')}`,
      );
    }
    checkValue(parameter, value, field);
  }
  for (const [name, parameter] of Object.entries(declared)) {
    if (name in given || parameter.defaultValue !== undefined || parameter.isOptional) continue;
    throw invalidArgument(
      `runtime_config.parameters.${name}`,
      `is required: give ${EXPECTED[parameter.parameterType]?.what ?? 'a value'} (${parameter.parameterType}); the pipeline has no default for it`,
    );
  }
}

function checkValue(parameter: ParameterSpec, value: unknown, field: string): void {
  const expected = EXPECTED[parameter.parameterType];
  if (value === null) {
    if (parameter.isOptional) return;
    throw invalidArgument(
      field,
      `is null; give ${expected?.what ?? 'a value'} (${parameter.parameterType}) or leave it out`,
    );
  }
  if (expected && !expected.test(value)) {
    throw invalidArgument(
      field,
      `expects ${parameter.parameterType} (${expected.what}), got ${JSON.stringify(value)}`,
    );
  }
  const literals = parameter.literals;
  if (
    literals &&
    literals.length > 0 &&
    !literals.some((l) => JSON.stringify(l) === JSON.stringify(value))
  ) {
    throw invalidArgument(
      field,
      `must be one of ${literals.map((l) => JSON.stringify(l)).join(', ')}`,
    );
  }
}
