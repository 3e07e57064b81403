import { invalidArgument } from '../../../core/errors.js';
import { downloadPackage } from './package-url.js';
import { packageFromFile, packageFromStruct } from './pipeline-package.js';
import type { VersionInput } from './pipeline-creation.js';
import { optionalObject, optionalString, stringMap, type JsonObject } from './request-fields.js';

/**
 * A PipelineVersion body: the package comes from `package_url.pipeline_url` (downloaded,
 * as KFP does) or from an inline `pipeline_spec` (a Skiff convenience); exactly one.
 */
export async function versionInputFromBody(
  body: JsonObject,
  prefix: string,
): Promise<VersionInput & { fileName?: string }> {
  const packageUrl = optionalObject(body, 'package_url', prefix);
  const pipelineUrl =
    packageUrl && optionalString(packageUrl, 'pipeline_url', `${prefix}package_url.`);
  const inline = body.pipeline_spec ?? undefined;
  if (pipelineUrl && inline !== undefined) {
    throw invalidArgument(`${prefix}pipeline_spec`, 'give package_url or pipeline_spec, not both');
  }
  const common = {
    name: optionalString(body, 'name', prefix),
    displayName: optionalString(body, 'display_name', prefix),
    description: optionalString(body, 'description', prefix),
    codeSourceUrl: optionalString(body, 'code_source_url', prefix),
    tags: stringMap(body.tags, `${prefix}tags`),
  };
  if (pipelineUrl) {
    const field = `${prefix}package_url.pipeline_url`;
    const file = await downloadPackage(pipelineUrl, field);
    const pkg = packageFromFile(file.data, file.fileName, field);
    return { ...common, package: pkg, packageUrl: pipelineUrl, fileName: file.fileName };
  }
  if (inline === undefined) {
    throw invalidArgument(
      `${prefix}package_url`,
      'is required: give package_url.pipeline_url (http/https) or pipeline_spec, or upload the file with POST /apis/v2beta1/pipelines/upload_version',
    );
  }
  return { ...common, package: packageFromStruct(inline, `${prefix}pipeline_spec`) };
}
