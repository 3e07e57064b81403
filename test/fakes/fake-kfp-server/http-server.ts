/**
 * The fake's HTTP front: reads the request, checks it against the swagger (any problem
 * is a 400 naming it, and is recorded), authenticates the caller, dispatches to the
 * route for the matched template, and answers KFP's error shape on failure. Responses
 * are checked against the swagger too, and mismatches recorded, so the fake cannot drift
 * from what it imitates.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SwaggerRequestValidator } from '../../support/swagger-request-validator.js';
import type { SwaggerValidator } from '../../support/swagger-validator.js';
import { authenticate } from './caller-access.js';
import type { FakeState } from './fake-state.js';
import { KfpError } from './kfp-error.js';
import { parseMultipart, type FormPart } from './multipart.js';
import type { Routes } from './route-context.js';

export interface ValidationFailure {
  method: string;
  url: string;
  /** `request` problems were answered 400; `response` ones are the fake's own bugs. */
  kind: 'request' | 'response';
  problems: string[];
}

export interface ServerParts {
  state: FakeState;
  routes: Routes;
  requests: SwaggerRequestValidator;
  responses: SwaggerValidator;
  failures: ValidationFailure[];
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Parsed {
  json?: unknown;
  parts?: FormPart[];
  problem?: string;
}

function parseBody(raw: Buffer, contentType: string): Parsed {
  if (contentType.startsWith('multipart/form-data'))
    return { parts: parseMultipart(raw, contentType) };
  if (raw.length === 0) return {};
  try {
    return { json: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { problem: 'the body is not valid JSON' };
  }
}

export function createFakeKfpHttpServer(parts: ServerParts): Server {
  const { state, routes, requests, responses, failures } = parts;

  const handle = async (request: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const parsed = parseBody(await readBody(request), request.headers['content-type'] ?? '');
    const checked = requests.checkRequest({
      method,
      url,
      body: parsed.json,
      ...(parsed.parts ? { multipartFields: parsed.parts.map((p) => p.field) } : {}),
    });
    const problems = [...(parsed.problem ? [parsed.problem] : []), ...checked.problems];
    if (problems.length > 0 || !checked.template) {
      failures.push({ method, url, kind: 'request', problems });
      throw new KfpError(
        400,
        `Invalid request to ${method} ${url.split('?')[0] ?? url}: ${problems.join('; ')}`,
      );
    }
    const route = routes[`${method} ${checked.template}`];
    if (!route)
      throw new KfpError(
        404,
        `The fake KFP server does not implement ${method} ${checked.template}`,
      );
    const caller = checked.template.endsWith('/healthz')
      ? { namespace: undefined }
      : authenticate(state.options, request.headers.authorization);
    const upload = parsed.parts?.find((p) => p.field === 'uploadfile');
    const body = route({
      state,
      caller,
      params: checked.pathParams,
      query: new URL(url, 'http://x').searchParams,
      body: parsed.json,
      ...(upload ? { upload: { filename: upload.filename, content: upload.content } } : {}),
    });
    return { status: 200, body };
  };

  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: unknown,
  ): void => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    try {
      responses.assertResponse(method, url, status, body);
    } catch (error) {
      failures.push({ method, url, kind: 'response', problems: [(error as Error).message] });
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  return createServer((request, response) => {
    handle(request).then(
      ({ status, body }) => answer(request, response, status, body),
      (error: unknown) => {
        const failure = error instanceof KfpError ? error : new KfpError(500, String(error));
        answer(request, response, failure.status, {
          code: failure.grpcCode,
          message: failure.message,
          details: [],
        });
      },
    );
  });
}
