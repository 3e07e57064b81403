import { stringify } from 'yaml';
import { unwrapSpec } from '../../../graph/spec-graph';

/**
 * A version's pipeline_spec as the YAML kfp.compiler writes (keys sorted); with a platform
 * spec, the two documents separated by `---`.
 */
export function irYaml(spec: Record<string, unknown>): string {
  const options = { sortMapEntries: true, lineWidth: 0 };
  const ir = unwrapSpec(spec);
  const platform = ir === spec ? undefined : spec['platform_spec'];
  const main = stringify(ir, options);
  return platform === undefined || platform === null
    ? main
    : `${main}---\n${stringify(platform, options)}`;
}

/** `My pipeline` + `v2` → `my-pipeline-v2.yaml`. */
export function irFileName(pipeline: string, version: string): string {
  const slug = `${pipeline}-${version}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'pipeline'}.yaml`;
}
