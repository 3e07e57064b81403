/**
 * Writes an export under the output folder: `NAME.yaml`, `NAME.zip`, or a `NAME/` GitOps
 * folder, NAME being the pipeline's name made safe for a file name, so several
 * pipelines can share one output folder (one GitOps repository).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SkiffError } from '../core/errors.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import type { ExportFormat } from './export-format.js';
import { exportGitopsFolder } from './export-gitops.js';
import { exportPackageYaml } from './export-yaml.js';
import { exportPackageZip } from './export-zip.js';
import type { RecurringRunDefinition } from './recurring-run-yaml.js';

export interface ExportRequest {
  format: ExportFormat;
  pkg: PipelinePackage;
  /** The pipeline's name on the server; file names derive from it. */
  pipelineName: string;
  outDir: string;
  /** Used by the gitops format only. */
  recurringRuns?: readonly RecurringRunDefinition[];
}

/** Returns the paths written, in a stable order. */
export async function writeExport(request: ExportRequest): Promise<string[]> {
  await ensureFolder(request.outDir, 'out');
  const base = fileNameOf(request.pipelineName);
  switch (request.format) {
    case 'yaml':
      return [await write(join(request.outDir, `${base}.yaml`), exportPackageYaml(request.pkg))];
    case 'zip':
      return [await write(join(request.outDir, `${base}.zip`), exportPackageZip(request.pkg))];
    case 'gitops': {
      const folder = join(request.outDir, base);
      await ensureFolder(folder, 'out');
      const files = exportGitopsFolder(
        request.pkg,
        request.recurringRuns ?? [],
        request.pipelineName,
      );
      const written: string[] = [];
      for (const [name, content] of Object.entries(files)) {
        written.push(await write(join(folder, name), content));
      }
      return written;
    }
  }
}

/** Letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function fileNameOf(pipelineName: string): string {
  const safe = pipelineName
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return safe === '' ? 'pipeline' : safe;
}

async function ensureFolder(path: string, field: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found !== undefined && !found.isDirectory()) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `--${field} ${path} is a file, not a folder. Pass a folder (it is created when missing).`,
      { field, path },
    );
  }
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `Cannot create the folder ${path} (--${field}): ${reason}. Pass a folder you can write to.`,
      { field, path },
      { cause: error },
    );
  }
}

async function write(path: string, content: string | Uint8Array): Promise<string> {
  await writeFile(path, content);
  return path;
}
