/**
 * Targets as the CLI reads them without an engine: settings.json (read only — the engine
 * is its only writer) and the 0600 secret files, so `skiff pipeline push --target` and
 * `skiff run create --target` work on a CI machine where no engine runs.
 */
import { readFile } from 'node:fs/promises';
import { SkiffError } from '../core/errors.js';
import { homeLayout } from '../store/skiff-home.js';
import type { KfpRestClient } from './kfp-rest-client.js';
import type { ResolvedTarget } from './target-config.js';
import { clientFor } from './target-connect.js';
import { TargetStore } from './target-store.js';

export async function openTargetFromHome(
  home: string,
  name: string,
): Promise<{ target: ResolvedTarget; kfp: KfpRestClient }> {
  const file = homeLayout(home).settings;
  const text = await readFile(file, 'utf8').catch(() => '{}');
  let settings: unknown;
  try {
    settings = JSON.parse(text);
  } catch (error) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `${file} is not valid JSON: fix it or delete it.`,
      { file },
      { cause: error },
    );
  }
  const store = new TargetStore(TargetStore.secretsDirOf(home), {
    read: () => (settings as { targets?: unknown } | null)?.targets,
  });
  const target = await store.get(name);
  return { target, kfp: await clientFor(target) };
}
