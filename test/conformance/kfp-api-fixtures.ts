/**
 * What the kfp-api-*.test.ts conformance files share: the reference corpus (KFP's swagger
 * and compiled pipelines), an in-process engine per file, and a client that calls the
 * /apis/v2beta1 routes the way `kfp.Client` does and checks every answer against the
 * swagger.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, expect } from 'vitest';
import { startKfpTestEngine, type KfpTestEngine } from '../support/kfp-test-engine.js';
import { loadSwaggerValidator, type SwaggerValidator } from '../support/swagger-validator.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const SWAGGER = join(CORPUS, 'kfp-api/kfp_api_single_file.swagger.json');
export const IR = join(CORPUS, 'kfp-ir');
export const hasCorpus = existsSync(SWAGGER) && existsSync(IR);
if (!hasCorpus)
  console.warn(`[skip] KFP API conformance: the reference corpus is not at ${CORPUS}.`);

export const ADD_NUMBERS = join(IR, 'valid/critical/add_numbers.yaml');
export const WITH_PLATFORM = join(IR, 'valid/critical/pipeline_with_pod_metadata.yaml');

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export interface KfpApi {
  /** Calls the API and checks the answer against the swagger, whatever its status. */
  kfp: (
    method: string,
    path: string,
    init?: { json?: unknown; form?: FormData },
  ) => Promise<Answer>;
  /** Uploads a pipeline file as multipart `uploadfile`, as `kfp.Client` does. */
  upload: (file: string, query?: string, route?: string) => Promise<Answer>;
  /** The engine under test; set once the suite's beforeAll has run. */
  readonly engine: KfpTestEngine;
  /** The swagger validator; set once the suite's beforeAll has run. */
  readonly swagger: SwaggerValidator;
}

/**
 * Call inside the file's describe: its beforeAll loads the swagger and starts a fresh
 * engine (an empty database), its afterAll stops the engine.
 */
export function useKfpApi(): KfpApi {
  let engine: KfpTestEngine | undefined;
  let swagger: SwaggerValidator | undefined;

  beforeAll(async () => {
    swagger = loadSwaggerValidator(SWAGGER, {
      strict: true,
      extensions: {
        googleRpcStatus: ['error_message'],
        // Skiff's extensions: fields KFP clients ignore (docs/kfp-api.md).
        v2beta1PipelineTaskDetail: [
          ...['input_parameters', 'output_parameters', 'cached'],
          ...['task_name', 'kind', 'iteration_index'],
        ],
        v2beta1Run: ['labels', 'enable_caching', 'executor'],
      },
    });
    engine = await startKfpTestEngine();
  });

  afterAll(async () => {
    await engine?.stop();
  });

  const started = (): { engine: KfpTestEngine; swagger: SwaggerValidator } => {
    if (engine === undefined || swagger === undefined) {
      throw new Error('The KFP test engine is not started yet (use it inside a test).');
    }
    return { engine, swagger };
  };

  async function kfp(
    method: string,
    path: string,
    init: { json?: unknown; form?: FormData } = {},
  ): Promise<Answer> {
    const { engine, swagger } = started();
    const headers: Record<string, string> = { authorization: `Bearer ${engine.token}` };
    let body: string | FormData | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      body = init.form;
    }
    const res = await fetch(`${engine.url}${path}`, { method, headers, ...(body ? { body } : {}) });
    const json = (await res.json()) as Record<string, unknown>;
    swagger.assertResponse(method, path, res.status, json);
    return { status: res.status, body: json };
  }

  function upload(file: string, query = '', route = 'upload'): Promise<Answer> {
    const form = new FormData();
    form.append('uploadfile', new Blob([readFileSync(file)]), basename(file));
    return kfp('POST', `/apis/v2beta1/pipelines/${route}${query}`, { form });
  }

  return {
    kfp,
    upload,
    get engine() {
      return started().engine;
    },
    get swagger() {
      return started().swagger;
    },
  };
}

export const filter = (predicates: unknown[]): string =>
  encodeURIComponent(JSON.stringify({ predicates }));

/** The file's YAML documents, parsed independently of the engine. */
export function specOf(file: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  expect(documents.flatMap((d) => d.errors)).toEqual([]);
  return documents.map((d) => d.toJSON() as unknown);
}
