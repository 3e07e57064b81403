/**
 * Export through a running engine: a corpus pipeline uploaded through the KFP API reads
 * back as uploaded, and `skiff export` writes files that, uploaded again, give the same
 * IR. The pipeline used carries a platform spec, so the two-document case crosses the
 * API both ways.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type RunningEngine } from '../../engine/src/launch.js';
import { importPackage } from '../../engine/src/packages/import-package.js';
import { normalizePackage } from '../../engine/src/packages/normalize-package.js';
import { pipelinePackageFromValue } from '../../engine/src/pipelines/ir/package-reader.js';
import type { PipelinePackage } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import { IMPORT_EXCLUSIONS } from '../conformance/import-exclusions.js';
import { corpusAvailable, corpusFiles, KFP_IR_VALID } from '../support/corpus.js';
import { SKIFF_BIN, tempHome } from '../support/engine-process.js';

const exec = promisify(execFile);
const CORPUS_FILE = 'pipeline_with_secret_as_volume.yaml';

interface Version {
  pipeline_id: string;
  pipeline_version_id: string;
  pipeline_spec?: unknown;
}

describe.skipIf(!corpusAvailable())('skiff export against a running engine', () => {
  let engine: RunningEngine;
  let token: string;
  const home = tempHome('skiff-export-');
  const out = join(home, 'exported');

  async function upload(bytes: Uint8Array, path: string): Promise<Version> {
    const form = new FormData();
    form.append('uploadfile', new Blob([bytes]), 'pipeline.yaml');
    const res = await fetch(`${engine.url}/apis/v2beta1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { pipeline_id: string; pipeline_version_id?: string };
    if (body.pipeline_version_id !== undefined) return readVersion(body as Version);
    const list = await api(`/pipelines/${body.pipeline_id}/versions`);
    const [first] = (list as { pipeline_versions: Version[] }).pipeline_versions;
    return readVersion(first ?? { pipeline_id: body.pipeline_id, pipeline_version_id: '' });
  }

  async function api(path: string, init: RequestInit = {}): Promise<unknown> {
    const res = await fetch(`${engine.url}/apis/v2beta1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(res.status, path).toBe(200);
    return res.json();
  }

  async function readVersion(version: Version): Promise<Version> {
    const path = `/pipelines/${version.pipeline_id}/versions/${version.pipeline_version_id}`;
    return (await api(path)) as Version;
  }

  function specOf(version: Version): PipelinePackage {
    return normalizePackage(pipelinePackageFromValue(version.pipeline_spec));
  }

  async function skiff(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const argv = [SKIFF_BIN, ...args, '--url', engine.url, '--home', home];
    try {
      const { stdout, stderr } = await exec(process.execPath, argv, {
        env: { ...process.env, SKIFF_HOME: home, NO_COLOR: '1' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  }

  beforeAll(async () => {
    engine = await launchEngine({ home, port: 0 });
    token = readFileSync(join(home, 'token'), 'utf8').trim();
  });

  afterAll(async () => {
    await engine.stop();
  });

  it('reads back the uploaded version, exports it, and re-uploads the same IR', async () => {
    const original = readFileSync(join(KFP_IR_VALID, CORPUS_FILE));
    const uploaded = importPackage(original, CORPUS_FILE);
    expect(uploaded.platformSpec).toBeDefined();
    const version = await upload(original, '/pipelines/upload?name=secret-volume');
    expect(specOf(version)).toEqual(normalizePackage(uploaded));

    const exported = await skiff(['export', 'secret-volume', '--format', 'yaml', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const file = exported.stdout.trim();
    expect(file).toBe(join(out, 'secret-volume.yaml'));
    const bytes = readFileSync(file);
    expect(bytes.toString('utf8').split(/^---\n/m)).toHaveLength(2);

    const query = `pipelineid=${version.pipeline_id}&name=re-uploaded`;
    const again = await upload(bytes, `/pipelines/upload_version?${query}`);
    expect(again.pipeline_version_id).not.toBe(version.pipeline_version_id);
    expect(specOf(again)).toEqual(specOf(version));

    const zipped = await skiff(['export', 'secret-volume', '--format', 'zip', '--out', out]);
    expect(zipped.code, zipped.stderr).toBe(0);
    const fromZip = importPackage(readFileSync(zipped.stdout.trim()), 'secret-volume.zip');
    expect(normalizePackage(fromZip)).toEqual(normalizePackage(uploaded));
  });

  it('reads back every importable corpus pipeline through the API as it was uploaded', async () => {
    const files = corpusFiles().filter((file) => !(file in IMPORT_EXCLUSIONS));
    expect(files.length).toBeGreaterThan(50);
    for (const [index, file] of files.entries()) {
      const bytes = readFileSync(join(KFP_IR_VALID, file));
      const version = await upload(bytes, `/pipelines/upload?name=corpus-${index}`);
      expect(specOf(version), file).toEqual(normalizePackage(importPackage(bytes, file)));
    }
  });

  it('writes a GitOps folder with the pipeline and its recurring run', async () => {
    const version = await upload(
      readFileSync(join(KFP_IR_VALID, 'two_step_pipeline.yaml')),
      '/pipelines/upload?name=two-step',
    );
    await api('/recurringruns', {
      method: 'POST',
      body: JSON.stringify({
        display_name: 'two-step nightly',
        pipeline_version_reference: {
          pipeline_id: version.pipeline_id,
          pipeline_version_id: version.pipeline_version_id,
        },
        trigger: { cron_schedule: { cron: '0 0 2 * * *' } },
        max_concurrency: 1,
        mode: 'DISABLE',
      }),
    });
    const result = await skiff(['export', 'two-step', '--format', 'gitops', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const folder = join(out, 'two-step');
    expect(result.stdout.trim().split('\n')).toEqual(
      ['pipeline.yaml', 'recurring-run.yaml', 'README.md'].map((name) => join(folder, name)),
    );
    const recurring = readFileSync(join(folder, 'recurring-run.yaml'), 'utf8');
    expect(recurring).toContain('display_name: two-step nightly');
    expect(recurring).toContain('cron: 0 0 2 * * *');
    expect(recurring).not.toContain('recurring_run_id');
    const pipeline = importPackage(readFileSync(join(folder, 'pipeline.yaml')), 'pipeline.yaml');
    expect(normalizePackage(pipeline)).toEqual(specOf(version));
  });

  it('refuses an unknown format or a missing --out with exit 2, saying what to pass', async () => {
    const format = await skiff(['export', 'two-step', '--format', 'tar', '--out', out]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of yaml, zip, gitops; got "tar"');
    const missing = await skiff(['export', 'two-step', '--format', 'yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --out DIR');
    const file = join(out, 'secret-volume.yaml');
    const notFolder = await skiff(['export', 'two-step', '--format', 'yaml', '--out', file]);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toContain('is a file, not a folder');
  });
});
