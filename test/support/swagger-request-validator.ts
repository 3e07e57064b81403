import { readFileSync } from 'node:fs';
import { loadSwaggerValidator, type SwaggerValidatorOptions } from './swagger-validator.js';

/**
 * Checks requests (not responses) against an OpenAPI 2 document, so a fake server can refuse
 * what the real one would never accept: an unknown path or method, a query parameter the
 * operation does not declare or of the wrong type, a missing or mistyped body, and a
 * multipart upload whose file field has another name. Bodies that are `$ref`s are checked
 * with swagger-validator's definitions (strict mode catches camelCase field names).
 */
export interface RequestToCheck {
  method: string;
  /** Path and query, e.g. `/apis/v2beta1/runs?page_size=5`. */
  url: string;
  /** Parsed JSON body; undefined when there was none. */
  body?: unknown;
  /** Names of the multipart fields sent, for `multipart/form-data` requests. */
  multipartFields?: readonly string[];
}

export interface CheckedRequest {
  /** The swagger path template matched, e.g. `/apis/v2beta1/runs/{run_id}`; absent if none. */
  template?: string;
  operationId?: string;
  pathParams: Record<string, string>;
  /** Readable reasons the request is not one the swagger allows; empty when it is. */
  problems: string[];
}

export interface SwaggerRequestValidator {
  checkRequest(request: RequestToCheck): CheckedRequest;
}

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'body' | 'formData' | 'header';
  type?: string;
  required?: boolean;
  schema?: Json;
  enum?: unknown[];
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
}
interface Swagger {
  paths: Record<string, Record<string, Operation>>;
}
interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
}

export function loadSwaggerRequestValidator(
  file: string,
  options: SwaggerValidatorOptions = {},
): SwaggerRequestValidator {
  const swagger = JSON.parse(readFileSync(file, 'utf8')) as Swagger;
  const definitions = loadSwaggerValidator(file, options);
  // The most literal template first, so `/pipelines/upload` wins over `/pipelines/{id}`.
  const routes: Route[] = Object.keys(swagger.paths)
    .map(route)
    .sort((a, b) => literalLength(b.template) - literalLength(a.template));

  const checkBody = (parameter: Parameter, body: unknown): string[] => {
    if (body === undefined) {
      return parameter.required ? [`the request needs a JSON body (${parameter.name})`] : [];
    }
    const schema = parameter.schema ?? {};
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (ref) {
      const name = ref.replace('#/definitions/', '');
      return definitions.checkDefinition(name, body).map((line) => `body ${line.trim()}`);
    }
    if (schema.type === 'string') return typeof body === 'string' ? [] : ['body must be a string'];
    // Inline objects (the PATCH bodies): the field names are what clients get wrong.
    const known = Object.keys((schema.properties as Json | undefined) ?? {});
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return ['body must be a JSON object'];
    }
    return Object.keys(body)
      .filter((key) => known.length > 0 && !known.includes(key))
      .map((key) => `body has unknown field "${key}" (known: ${known.join(', ')})`);
  };

  return {
    checkRequest(request) {
      const verb = request.method.toLowerCase();
      const url = new URL(request.url, 'http://x');
      const pathname = url.pathname;
      const matches = routes.filter((r) => r.pattern.test(pathname));
      const found = matches.find((r) => swagger.paths[r.template]?.[verb]);
      if (!found) {
        const problem =
          matches.length > 0
            ? `${request.method} is not an operation on ${matches[0]?.template ?? pathname}`
            : `no operation has the path ${pathname}`;
        return { pathParams: {}, problems: [problem] };
      }
      const operation = swagger.paths[found.template]?.[verb] ?? {};
      const parameters = operation.parameters ?? [];
      const groups = found.pattern.exec(pathname)?.slice(1) ?? [];
      const pathParams = Object.fromEntries(
        found.names.map((name, i) => [name, decodeURIComponent(groups[i] ?? '')]),
      );
      const problems: string[] = [];

      const declared = new Map(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
      for (const [name, value] of url.searchParams) {
        const parameter = declared.get(name);
        if (!parameter) {
          const known = [...declared.keys()].join(', ') || 'none';
          problems.push(`unknown query parameter "${name}" (known: ${known})`);
        } else {
          problems.push(...checkScalar(parameter, value));
        }
      }
      for (const parameter of declared.values()) {
        if (parameter.required && !url.searchParams.has(parameter.name)) {
          problems.push(`missing required query parameter "${parameter.name}"`);
        }
      }

      const formFields = parameters.filter((p) => p.in === 'formData');
      if (formFields.length > 0) {
        const sent = request.multipartFields;
        if (!sent) {
          problems.push(
            `the request must be multipart/form-data with the field(s) ${formFields.map((f) => `"${f.name}"`).join(', ')}`,
          );
        } else {
          const names = formFields.map((f) => f.name);
          for (const name of sent.filter((n) => !names.includes(n))) {
            problems.push(`unknown multipart field "${name}" (expected: ${names.join(', ')})`);
          }
          for (const field of formFields.filter((f) => f.required && !sent.includes(f.name))) {
            problems.push(`missing multipart field "${field.name}"`);
          }
        }
      }

      const bodyParameter = parameters.find((p) => p.in === 'body');
      if (bodyParameter) problems.push(...checkBody(bodyParameter, request.body));
      else if (formFields.length === 0 && request.body !== undefined) {
        problems.push(`${request.method} ${found.template} takes no body`);
      }
      return {
        template: found.template,
        ...(operation.operationId ? { operationId: operation.operationId } : {}),
        pathParams,
        problems,
      };
    },
  };
}

function checkScalar(parameter: Parameter, value: string): string[] {
  const where = `query parameter "${parameter.name}"`;
  if (parameter.type === 'integer' && !/^-?\d+$/.test(value)) {
    return [`${where} must be an integer, not "${value}"`];
  }
  if (parameter.type === 'boolean' && value !== 'true' && value !== 'false') {
    return [`${where} must be true or false, not "${value}"`];
  }
  if (parameter.enum && !parameter.enum.includes(value)) {
    return [`${where} must be one of ${parameter.enum.join(', ')}, not "${value}"`];
  }
  return [];
}

function route(template: string): Route {
  const names: string[] = [];
  const parts = template.split(/(\{[^}]+\})/).map((part) => {
    if (!part.startsWith('{')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    names.push(part.slice(1, -1));
    return '([^/:]+)';
  });
  return { template, names, pattern: new RegExp(`^${parts.join('')}$`) };
}

function literalLength(template: string): number {
  return template.replace(/\{[^}]+\}/g, '').length;
}
