/**
 * Pipelines and pipeline versions: multipart upload (field `uploadfile`), upload_version,
 * JSON create, get (by id and by name), list and delete. Names are unique per namespace
 * (409 otherwise), versions per pipeline.
 */
import { randomUUID } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { authorize, type Caller } from './caller-access.js';
import { timestamp, type FakeState } from './fake-state.js';
import { invalid, KfpError, notFound } from './kfp-error.js';
import { isObject, objectField, stringField, type JsonObject, text } from './json-object.js';
import { listPage, type ListFields } from './list-page.js';
import { API, type RouteContext, type Routes, type Upload } from './route-context.js';

const FIELDS: ListFields = {
  created_at: (p) => String(p.created_at),
  name: (p) => String(p.name ?? p.display_name),
  display_name: (p) => String(p.display_name),
  pipeline_id: (p) => String(p.pipeline_id),
  pipeline_version_id: (p) => String(p.pipeline_version_id),
};

export function getPipeline(state: FakeState, caller: Caller, id: string): JsonObject {
  const pipeline = state.pipelines.get(id);
  if (!pipeline) throw notFound('Pipeline', id);
  authorize(caller, text(pipeline, 'namespace'), 'get', `pipeline ${id}`);
  return pipeline;
}

export function getVersion(
  state: FakeState,
  caller: Caller,
  pipelineId: string,
  versionId: string,
): JsonObject {
  getPipeline(state, caller, pipelineId);
  const version = state.versions.get(versionId);
  if (!version || version.pipeline_id !== pipelineId) throw notFound('PipelineVersion', versionId);
  return version;
}

function parseSpec(upload: Upload): JsonObject {
  const documents = parseAllDocuments(upload.content.toString('utf8'));
  const first: unknown = documents[0]?.errors.length === 0 ? documents[0].toJS() : undefined;
  const spec = objectField(first, 'pipeline_spec') ?? first;
  if (!isObject(spec) || !objectField(spec, 'pipelineInfo') || !objectField(spec, 'root')) {
    throw invalid(
      `${upload.filename} is not a compiled KFP v2 pipeline (no pipelineInfo and root)`,
    );
  }
  return spec;
}

function createPipeline(context: RouteContext, fields: JsonObject, namespace: string): JsonObject {
  const { state, caller } = context;
  authorize(caller, namespace, 'create', 'pipelines');
  const name = stringField(fields, 'name') ?? stringField(fields, 'display_name') ?? '';
  if (!name) throw invalid('a pipeline needs a name or display_name');
  for (const other of state.pipelines.values()) {
    if (other.name === name && text(other, 'namespace') === namespace) {
      throw new KfpError(
        409,
        `Already exists: a pipeline named "${name}" already exists in namespace "${namespace}"; upload a new version of it or choose another name`,
      );
    }
  }
  const pipeline: JsonObject = {
    pipeline_id: randomUUID(),
    name,
    display_name: stringField(fields, 'display_name') ?? name,
    created_at: timestamp(state.now()),
    ...(fields.description ? { description: fields.description } : {}),
    ...(namespace ? { namespace } : {}),
  };
  state.pipelines.set(String(pipeline.pipeline_id), pipeline);
  return pipeline;
}

function createVersion(
  context: RouteContext,
  pipelineId: string,
  fields: JsonObject,
  spec?: JsonObject,
): JsonObject {
  const { state, caller } = context;
  getPipeline(state, caller, pipelineId);
  const name = stringField(fields, 'name') ?? stringField(fields, 'display_name') ?? '';
  if (!name) throw invalid('a pipeline version needs a name or display_name');
  for (const other of state.versions.values()) {
    if (other.pipeline_id === pipelineId && other.name === name) {
      throw new KfpError(
        409,
        `Already exists: pipeline ${pipelineId} already has a version named "${name}"`,
      );
    }
  }
  const version: JsonObject = {
    pipeline_id: pipelineId,
    pipeline_version_id: randomUUID(),
    name,
    display_name: stringField(fields, 'display_name') ?? name,
    created_at: timestamp(state.now()),
    ...(fields.description ? { description: fields.description } : {}),
    ...(fields.package_url ? { package_url: fields.package_url } : {}),
    ...(spec ? { pipeline_spec: spec } : {}),
  };
  state.versions.set(String(version.pipeline_version_id), version);
  return version;
}

function uploadFields(context: RouteContext): { upload: Upload; fields: JsonObject } {
  const upload = context.upload;
  if (!upload) throw invalid('the upload has no file in the "uploadfile" field');
  const q = context.query;
  const fileName = upload.filename.replace(/\.(ya?ml|json|zip|tar\.gz)$/, '');
  return {
    upload,
    fields: {
      name: q.get('name') ?? q.get('display_name') ?? fileName,
      display_name: q.get('display_name') ?? q.get('name') ?? fileName,
      ...(q.get('description') ? { description: q.get('description') } : {}),
    },
  };
}

export const pipelineRoutes: Routes = {
  [`POST ${API}/pipelines/upload`]: (context) => {
    const { upload, fields } = uploadFields(context);
    const spec = parseSpec(upload);
    const pipeline = createPipeline(context, fields, context.query.get('namespace') ?? '');
    createVersion(context, String(pipeline.pipeline_id), fields, spec);
    return pipeline;
  },
  [`POST ${API}/pipelines/upload_version`]: (context) => {
    const pipelineId = context.query.get('pipelineid');
    if (!pipelineId) throw invalid('upload_version needs the pipelineid query parameter');
    const { upload, fields } = uploadFields(context);
    return createVersion(context, pipelineId, fields, parseSpec(upload));
  },
  [`POST ${API}/pipelines`]: (context) =>
    createPipeline(
      context,
      isObject(context.body) ? context.body : {},
      stringField(context.body, 'namespace') ?? '',
    ),
  [`GET ${API}/pipelines`]: ({ state, caller, query }) => {
    const namespace = query.get('namespace') ?? '';
    authorize(caller, namespace, 'list', 'pipelines');
    // Multi-user KFP lists the shared pipelines when no namespace is named.
    const mine = [...state.pipelines.values()].filter((p) => text(p, 'namespace') === namespace);
    const { items, extra } = listPage(mine, query, FIELDS);
    return { ...(items.length ? { pipelines: items } : {}), ...extra };
  },
  [`GET ${API}/pipelines/names/{name}`]: ({ state, caller, params, query }) => {
    const namespace = query.get('namespace') ?? '';
    authorize(caller, namespace, 'get', 'pipelines');
    const found = [...state.pipelines.values()].find(
      (p) => p.name === params.name && text(p, 'namespace') === namespace,
    );
    if (!found) throw notFound('Pipeline', `named "${params.name ?? ''}"`);
    return found;
  },
  [`GET ${API}/pipelines/{pipeline_id}`]: ({ state, caller, params }) =>
    getPipeline(state, caller, params.pipeline_id ?? ''),
  [`DELETE ${API}/pipelines/{pipeline_id}`]: ({ state, caller, params, query }) => {
    const id = params.pipeline_id ?? '';
    getPipeline(state, caller, id);
    const versions = [...state.versions.values()].filter((v) => v.pipeline_id === id);
    if (versions.length > 0 && query.get('cascade') !== 'true') {
      throw new KfpError(
        400,
        `Failed precondition: pipeline ${id} still has ${versions.length} version(s); delete them first or pass cascade=true`,
      );
    }
    for (const v of versions) state.versions.delete(String(v.pipeline_version_id));
    state.pipelines.delete(id);
    return {};
  },
  [`POST ${API}/pipelines/{pipeline_id}/versions`]: (context) =>
    createVersion(
      context,
      context.params.pipeline_id ?? '',
      isObject(context.body) ? context.body : {},
    ),
  [`GET ${API}/pipelines/{pipeline_id}/versions`]: ({ state, caller, params, query }) => {
    const id = params.pipeline_id ?? '';
    getPipeline(state, caller, id);
    const mine = [...state.versions.values()].filter((v) => v.pipeline_id === id);
    const { items, extra } = listPage(mine, query, FIELDS);
    return { ...(items.length ? { pipeline_versions: items } : {}), ...extra };
  },
  [`GET ${API}/pipelines/{pipeline_id}/versions/{pipeline_version_id}`]: ({
    state,
    caller,
    params,
  }) => getVersion(state, caller, params.pipeline_id ?? '', params.pipeline_version_id ?? ''),
  [`DELETE ${API}/pipelines/{pipeline_id}/versions/{pipeline_version_id}`]: ({
    state,
    caller,
    params,
  }) => {
    const version = getVersion(
      state,
      caller,
      params.pipeline_id ?? '',
      params.pipeline_version_id ?? '',
    );
    state.versions.delete(String(version.pipeline_version_id));
    return {};
  },
};
