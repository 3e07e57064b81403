/**
 * `skiff images` against the real Docker daemon and a fake registry on 127.0.0.1: a
 * locally built image is retagged, pushed (the registry receives its manifest under the
 * new name), and the rewritten pipeline names the pushed image.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImagesPushResult } from '../../engine/src/api/contract.js';
import { API_ROUTES } from '../../engine/src/api/contract.js';
import { runCli } from '../../engine/src/cli/main.js';
import { SkiffError } from '../../engine/src/core/errors.js';
import { launchEngine } from '../../engine/src/launch.js';
import { pushFile, readPackageFile } from '../../engine/src/targets/push-file.js';
import { createDockerImageStore } from '../../engine/src/targets/images/docker-image-store.js';
import { listPipelineImages } from '../../engine/src/targets/images/pipeline-images.js';
import { retagAndPush } from '../../engine/src/targets/images/retag-and-push.js';
import {
  startFakeDockerRegistry,
  type FakeDockerRegistry,
} from '../fakes/fake-docker-registry/index.js';
import { tempHome } from '../support/engine-process.js';
import { hasDocker } from '../support/requirements.js';

const BUSYBOX = 'local/busybox:1';
const docker = hasDocker();

describe.runIf(docker)('skiff images (Docker + fake registry)', () => {
  let registry: FakeDockerRegistry;
  let dir: string;
  let pipelineFile: string;
  const tagged: string[] = [];

  beforeAll(async () => {
    registry = await startFakeDockerRegistry();
    dir = mkdtempSync(path.join(tmpdir(), 'skiff-images-'));
    pipelineFile = path.join(dir, 'pipeline.yaml');
    // The iris example with its first step on a locally built image.
    const example = readFileSync('examples/sklearn-iris/pipeline.yaml', 'utf8');
    writeFileSync(pipelineFile, example.replace('image: python:3.11', `image: ${BUSYBOX}`));
  });

  afterAll(async () => {
    for (const image of tagged) {
      try {
        execFileSync('docker', ['rmi', image], { stdio: 'pipe' });
      } catch {
        // already gone
      }
    }
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the images and flags the locally built one as local-only', async () => {
    const pkg = await readPackageFile(pipelineFile);
    const images = await listPipelineImages(pkg.pipelineSpec, createDockerImageStore());
    expect(images).toContainEqual({ image: BUSYBOX, presentLocally: true, localOnly: true });
    expect(images.find((i) => i.image === 'python:3.11')?.localOnly).toBe(false);
  });

  it('retags and pushes it, and the rewritten pipeline pulls it from the registry', async () => {
    const out = path.join(dir, 'remote.yaml');
    const target = `${registry.address}/team`;
    tagged.push(`${target}/busybox:1`);
    const cli = capture();
    const code = await runCli(
      ['images', 'push', pipelineFile, '--registry', target, '--out', out],
      cli.ctx,
    );
    expect(cli.stderr.join('')).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(cli.stdout.join('')).toContain(`${BUSYBOX} → ${target}/busybox:1`);

    const manifest = registry.manifest('team/busybox', '1');
    expect(manifest, `registry requests: ${registry.requests.join(', ')}`).toBeDefined();
    expect(registry.blobs.size).toBeGreaterThan(0);

    const rewritten = readFileSync(out, 'utf8');
    expect(rewritten).toContain(`image: ${target}/busybox:1`);
    expect(rewritten).not.toContain(`image: ${BUSYBOX}`);
    expect(rewritten).toContain('image: python:3.11');
  });

  it('pushes the local images of a stored pipeline version over the API', async () => {
    const home = tempHome('skiff-images-api-');
    const engine = await launchEngine({ home, port: 0 });
    try {
      const token = readFileSync(path.join(home, 'token'), 'utf8').trim();
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      await fetch(`${engine.url}/api/v1/targets/self`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ url: engine.url, auth: { type: 'bearer', token } }),
      });
      const stored = await pushFile(home, 'self', pipelineFile, { allowLocalImages: true });
      tagged.push(`${registry.address}/api/busybox:1`);
      const response = await fetch(`${engine.url}${API_ROUTES.targetImagesPush}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          pipelineId: stored.remotePipelineId,
          registry: `${registry.address}/api`,
        }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      expect((await response.json()) as ImagesPushResult).toEqual({
        pushed: [{ from: BUSYBOX, to: `${registry.address}/api/busybox:1` }],
      });
      expect(registry.manifest('api/busybox', '1')).toBeDefined();
    } finally {
      await engine.stop();
    }
  });

  it('says the registry cannot be reached, naming it and the image', async () => {
    tagged.push('127.0.0.1:1/busybox:1');
    const error: unknown = await retagAndPush({
      store: createDockerImageStore(),
      registry: '127.0.0.1:1',
      images: [BUSYBOX],
    }).then(
      () => new Error('expected the push to fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SkiffError);
    const skiff = error as SkiffError;
    expect(skiff.code).toBe('UNAVAILABLE');
    expect(skiff.message).toContain('cannot reach registry 127.0.0.1:1');
    expect(skiff.message).toContain(BUSYBOX);
    expect(skiff.message).toContain('insecure registry');
  });
});

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink = (lines: string[]) => ({
    write: (text: string) => {
      lines.push(text);
      return true;
    },
  });
  return {
    stdout,
    stderr,
    ctx: {
      stdout: sink(stdout),
      stderr: sink(stderr),
      env: {},
      onInterrupt: () => () => undefined,
    },
  };
}
