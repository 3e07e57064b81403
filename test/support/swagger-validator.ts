import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Validates response bodies against an OpenAPI 2 (swagger) document: each operation's
 * response schema for the status (or `default`), with `#/definitions/...` resolved.
 *
 * OpenAPI 2 is almost JSON Schema draft 4; the differences handled here: keywords beside a
 * `$ref` are ignored, protobuf formats (`int64` is a decimal string, `int32` an integer in
 * range, `date-time` RFC 3339, `byte` base64) are checked, `type: file` is skipped. In
 * strict mode an object that lists its properties allows no others (catching `createdAt`
 * for `created_at`), apart from named extensions.
 */
export interface SwaggerValidatorOptions {
  strict?: boolean;
  /** Extra properties allowed on a definition in strict mode, e.g. Skiff extensions. */
  extensions?: Record<string, readonly string[]>;
}

export interface SwaggerValidator {
  /** Throws, listing the mismatches, when `body` is not what the swagger promises. */
  assertResponse(method: string, path: string, status: number, body: unknown): void;
  /** Mismatches of `value` against `#/definitions/<name>`, as readable lines. */
  checkDefinition(name: string, value: unknown): string[];
}

type Json = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { schema?: Json }>;
}
interface Swagger {
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, Json>;
}

const ROOT_ID = 'swagger';
const DROPPED = new Set([
  'description',
  'title',
  'example',
  'default',
  'externalDocs',
  'discriminator',
  'readOnly',
  'xml',
]);

export function loadSwaggerValidator(
  file: string,
  options: SwaggerValidatorOptions = {},
): SwaggerValidator {
  const swagger = JSON.parse(readFileSync(file, 'utf8')) as Swagger;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('int64', { type: 'string', validate: /^-?\d+$/ });
  ajv.addFormat('uint64', { type: 'string', validate: /^\d+$/ });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
  });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  });
  ajv.addFormat('byte', { type: 'string', validate: /^[A-Za-z0-9+/_-]*={0,2}$/ });

  const definitions: Json = {};
  for (const [name, schema] of Object.entries(swagger.definitions)) {
    definitions[name] = convert(schema, options, options.extensions?.[name] ?? []);
  }
  ajv.addSchema({ $id: ROOT_ID, definitions });

  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: Json): ValidateFunction => {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(convert(schema, options, []));
      compiled.set(key, validate);
    }
    return validate;
  };
  const templates = Object.keys(swagger.paths)
    .map((template) => ({ template, pattern: templatePattern(template) }))
    .sort((a, b) => literalLength(b.template) - literalLength(a.template));

  const checkDefinition = (name: string, value: unknown): string[] => {
    const validate = compile(`#${name}`, { $ref: `#/definitions/${name}` });
    return validate(value) ? [] : describe(validate.errors).split('\n');
  };

  return {
    assertResponse(method, path, status, body) {
      const verb = method.toLowerCase();
      const pathname = new URL(path, 'http://x').pathname;
      const match = templates.find(
        (t) => t.pattern.test(pathname) && swagger.paths[t.template]?.[verb],
      );
      if (!match && status >= 400 && swagger.definitions.googleRpcStatus) {
        // An unknown route's error still speaks the API's error dialect.
        const problems = checkDefinition('googleRpcStatus', body);
        if (problems.length > 0) {
          throw new Error(`${method} ${pathname} → ${status}:\n${problems.join('\n')}`);
        }
        return;
      }
      if (!match) throw new Error(`The swagger has no operation ${method} ${pathname}`);
      const responses = swagger.paths[match.template]?.[verb]?.responses ?? {};
      const response = responses[String(status)] ?? responses.default;
      if (!response?.schema)
        throw new Error(`${method} ${match.template} declares no schema for status ${status}`);
      const validate = compile(`${verb} ${match.template} ${status}`, response.schema);
      if (!validate(body)) {
        throw new Error(
          `${method} ${pathname} → ${status} does not match the swagger (${match.template}):\n${describe(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
        );
      }
    },
    checkDefinition,
  };
}

function convert(
  schema: unknown,
  options: SwaggerValidatorOptions,
  extensions: readonly string[],
): Json {
  if (typeof schema !== 'object' || schema === null) return {};
  const source = schema as Json;
  if (typeof source.$ref === 'string') return { $ref: `${ROOT_ID}${source.$ref}` };
  if (source.type === 'file') return {};
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value as Json).map(([name, property]) => [
          name,
          convert(property, options, []),
        ]),
      );
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = convert(value, options, []);
    } else {
      out[key] = value;
    }
  }
  const properties = out.properties as Json | undefined;
  if (
    options.strict &&
    properties &&
    Object.keys(properties).length > 0 &&
    out.additionalProperties === undefined
  ) {
    for (const name of extensions) properties[name] ??= {};
    out.additionalProperties = false;
  }
  return out;
}

function templatePattern(template: string): RegExp {
  const parts = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/:]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}$`);
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]+\}/g, '').length;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map(
      (e) =>
        `  ${e.instancePath || '(body)'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`,
    )
    .join('\n');
}
