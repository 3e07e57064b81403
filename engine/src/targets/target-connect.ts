/**
 * A KFP client for a target (its URL, auth, CA and namespace), and "Test connection":
 * healthz for the version, then one authenticated list so a wrong token shows up here
 * rather than at the first push.
 */
import { readFile } from 'node:fs/promises';
import type { TargetTestResult } from '../api/contract.js';
import { SkiffError, toSkiffError } from '../core/errors.js';
import { authHeaders } from './target-auth.js';
import type { ResolvedTarget } from './target-config.js';
import { KfpRestClient, type KfpHealth } from './kfp-rest-client.js';

export async function clientFor(target: ResolvedTarget): Promise<KfpRestClient> {
  const caFile = target.tls?.caFile;
  const ca =
    caFile === undefined
      ? undefined
      : await readFile(caFile, 'utf8').catch((error: unknown) => {
          throw new SkiffError(
            'FAILED_PRECONDITION',
            `Target "${target.name}": cannot read the CA file ${caFile}: ${(error as Error).message}. Fix tls.caFile (--ca-file).`,
            { field: 'tls.caFile' },
            { cause: error },
          );
        });
  return new KfpRestClient(
    {
      url: target.url,
      headers: () => authHeaders(target),
      ...(ca !== undefined ? { ca } : {}),
      ...(target.tls?.insecureSkipVerify === true ? { insecureSkipVerify: true } : {}),
    },
    target.namespace,
  );
}

export async function testTarget(target: ResolvedTarget): Promise<TargetTestResult> {
  try {
    const kfp = await clientFor(target);
    // Skiff's own engine has no healthz: a 404 there still proves the API answers.
    const health = await kfp.healthz().catch((error: unknown): KfpHealth => {
      if (error instanceof SkiffError && error.code === 'NOT_FOUND') return {};
      throw error;
    });
    if (health.multi_user === true && target.namespace === undefined) {
      return {
        ok: false,
        version: health.tag_name,
        multiUser: true,
        message: `${target.url} is multi-user Kubeflow: set the profile namespace (--namespace).`,
      };
    }
    await kfp.ensureExperimentsReadable();
    const version = health.tag_name ?? health.commit_sha;
    return {
      ok: true,
      ...(version !== undefined ? { version } : {}),
      ...(health.multi_user !== undefined ? { multiUser: health.multi_user } : {}),
      message: `Connected to ${target.url}${version !== undefined ? ` (KFP ${version})` : ''}.`,
    };
  } catch (error) {
    return { ok: false, message: toSkiffError(error).message };
  }
}
