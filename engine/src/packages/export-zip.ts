/**
 * A pipeline package as a zip holding `pipeline.yaml`, the archive form the KFP UI and
 * `skiff pipeline upload` accept. Written with fflate, the zip library the engine
 * already uses; read back by package-archive.ts.
 */
import { zipSync } from 'fflate';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import { exportPackageYamlBytes } from './export-yaml.js';

export const ZIP_ENTRY_NAME = 'pipeline.yaml';

/**
 * A fixed entry time, built from local-time parts because zip stores local DOS time:
 * the same package gives the same bytes on any machine, in any time zone, on any day.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

export function exportPackageZip(pkg: PipelinePackage): Uint8Array {
  const entry = exportPackageYamlBytes(pkg);
  return zipSync({ [ZIP_ENTRY_NAME]: [entry, { mtime: FIXED_MTIME, level: 9 }] });
}
