import busboy from 'busboy';
import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { KfpClient, type Fetch } from './kfp-client.js';
import { codeForGrpc, codeForHttpStatus, kfpError } from './kfp-errors.js';

interface Part {
  field: string;
  fileName: string;
  content: Buffer;
}

/** Parses a multipart body the way the engine does (busboy). */
function parseMultipart(body: Uint8Array, contentType: string): Promise<Part[]> {
  return new Promise((resolve, reject) => {
    const parts: Part[] = [];
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        parts.push({ field, fileName: info.filename ?? '', content: Buffer.concat(chunks) }),
      );
    });
    parser.on('close', () => resolve(parts));
    parser.on('error', reject);
    parser.end(Buffer.from(body));
  });
}

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
  parts?: Part[];
}

function fakeServer(answer: (seen: Seen) => Response): { client: KfpClient; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl: Fetch = async (input, init) => {
    const request = new Request(input, init);
    const type = request.headers.get('content-type') ?? '';
    const entry: Seen = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: undefined,
    };
    if (type.startsWith('multipart/')) {
      entry.parts = await parseMultipart(new Uint8Array(await request.arrayBuffer()), type);
    } else if (request.body !== null) entry.body = await request.text();
    seen.push(entry);
    return answer(entry);
  };
  const client = new KfpClient({
    baseUrl: 'http://kfp.test/',
    headers: { authorization: 'Bearer t0k' },
    fetch: fetchImpl,
  });
  return { client, seen };
}

async function failure(promise: Promise<unknown>): Promise<SkiffError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SkiffError) return error;
    throw error;
  }
  throw new Error('expected a SkiffError');
}

describe('KfpClient', () => {
  it('uploads the file as multipart field "uploadfile" with the names in the query', async () => {
    const { client, seen } = fakeServer(() => Response.json({ pipeline_id: 'p1', name: 'hello' }));
    const bytes = new TextEncoder().encode('pipelineInfo: {name: hello}\n');
    const pipeline = await client.uploadPipeline(bytes, 'hello.yaml', {
      name: 'hello',
      description: 'Says hi',
    });
    expect(pipeline.pipeline_id).toBe('p1');
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/apis/v2beta1/pipelines/upload');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      name: 'hello',
      description: 'Says hi',
    });
    expect(request?.headers.get('authorization')).toBe('Bearer t0k');
    const [file] = request?.parts ?? [];
    expect(file?.field).toBe('uploadfile');
    expect(file?.fileName).toBe('hello.yaml');
    expect(file?.content.toString()).toBe('pipelineInfo: {name: hello}\n');
  });

  it('uploads a version with pipelineid', async () => {
    const { client, seen } = fakeServer(() =>
      Response.json({ pipeline_id: 'p1', pipeline_version_id: 'v2' }),
    );
    await client.uploadPipelineVersion(new Uint8Array([1]), 'p.zip', { pipelineId: 'p1' });
    expect(seen[0]?.url.pathname).toBe('/apis/v2beta1/pipelines/upload_version');
    expect(seen[0]?.url.searchParams.get('pipelineid')).toBe('p1');
  });

  it('sends list options as KFP query parameters, with the filter JSON-encoded', async () => {
    const { client, seen } = fakeServer(() => Response.json({ runs: [], next_page_token: 'n' }));
    const page = await client.listRuns({
      pageSize: 10,
      pageToken: 'abc',
      sortBy: 'created_at desc',
      experimentId: 'e1',
      filter: { predicates: [{ key: 'state', operation: 'EQUALS', string_value: 'FAILED' }] },
    });
    expect(page.next_page_token).toBe('n');
    const query = Object.fromEntries(seen[0]?.url.searchParams ?? []);
    expect(query).toEqual({
      page_size: '10',
      page_token: 'abc',
      sort_by: 'created_at desc',
      experiment_id: 'e1',
      filter: '{"predicates":[{"key":"state","operation":"EQUALS","string_value":"FAILED"}]}',
    });
  });

  it('posts runs as JSON and uses the :terminate and :retry verbs', async () => {
    const { client, seen } = fakeServer(({ url }) =>
      url.pathname.endsWith('/runs') ? Response.json({ run_id: 'r1' }) : Response.json({}),
    );
    const run = await client.createRun({
      display_name: 'nightly',
      pipeline_spec: { pipelineInfo: { name: 'x' }, root: {} },
      runtime_config: { parameters: { n: 1 } },
    });
    expect(run.run_id).toBe('r1');
    expect(JSON.parse(seen[0]?.body ?? '')).toMatchObject({ display_name: 'nightly' });
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    await client.terminateRun('r 1');
    await client.retryRun('r1');
    expect(seen.slice(1).map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'POST /apis/v2beta1/runs/r%201:terminate',
      'POST /apis/v2beta1/runs/r1:retry',
    ]);
  });

  it('finds a pipeline by name under /pipelines/names/', async () => {
    const { client, seen } = fakeServer(() => Response.json({ pipeline_id: 'p1' }));
    await client.getPipelineByName('my pipeline');
    expect(seen[0]?.url.pathname).toBe('/apis/v2beta1/pipelines/names/my%20pipeline');
  });

  it('turns a googleRpcStatus answer into a SkiffError with the server’s message', async () => {
    const { client } = fakeServer(() =>
      Response.json({ code: 5, message: 'Run "x" was not found.', details: [] }, { status: 404 }),
    );
    const error = await failure(client.getRun('x'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Run "x" was not found.');
    expect(error.details).toEqual({ httpStatus: 404, grpcCode: 5 });
  });

  it('says nothing answers when the connection fails', async () => {
    const client = new KfpClient({
      baseUrl: 'http://kfp.test',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const error = await failure(client.listPipelines());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('Nothing answers at http://kfp.test');
  });
});

describe('KFP error mapping', () => {
  it.each([
    [400, 'INVALID_ARGUMENT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [409, 'ALREADY_EXISTS'],
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
    [418, 'INTERNAL'],
  ])('maps HTTP %i to %s', (status, code) => {
    expect(codeForHttpStatus(status)).toBe(code);
  });

  it('refines the HTTP status with the gRPC code (400 covers FAILED_PRECONDITION too)', () => {
    const error = kfpError(
      400,
      'Bad Request',
      JSON.stringify({ code: 9, message: 'Run is RUNNING.' }),
    );
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toBe('Run is RUNNING.');
  });

  it('falls back to the HTTP status for UNKNOWN or missing gRPC codes', () => {
    expect(codeForGrpc(2)).toBeUndefined();
    expect(codeForGrpc('5')).toBeUndefined();
    expect(kfpError(409, '', JSON.stringify({ code: 2, message: 'dup' })).code).toBe(
      'ALREADY_EXISTS',
    );
  });

  it('reads grpc-gateway’s older {error} body', () => {
    const error = kfpError(400, '', JSON.stringify({ error: 'bad filter', code: 3 }));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'bad filter' });
  });

  it('quotes a body that is not JSON', () => {
    const error = kfpError(502, 'Bad Gateway', '<html>upstream down</html>');
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe(
      'The KFP server answered 502 Bad Gateway: <html>upstream down</html>.',
    );
  });
});
