/**
 * A pipeline package as the IR YAML file kfp.compiler writes: sorted keys, the
 * `# PIPELINE DEFINITION` header, and the platform spec as a second `---` document.
 *
 * The writer is the package reader's own (serializePipelinePackage) so that what Skiff
 * exports is exactly what it reads back; the DSL's pipeline-yaml.ts is tuned for freshly
 * compiled specs and knows no platform document.
 */
import { serializePipelinePackage } from '../pipelines/ir/package-reader.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';

/**
 * Byte-stable: equal packages give the same bytes whatever their key order, so an
 * exported file committed to Git only changes when the pipeline does.
 */
export function exportPackageYaml(pkg: PipelinePackage): string {
  const text = serializePipelinePackage(pkg);
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function exportPackageYamlBytes(pkg: PipelinePackage): Uint8Array {
  return new TextEncoder().encode(exportPackageYaml(pkg));
}
