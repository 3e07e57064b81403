/**
 * Finds the pipeline file in what a user uploaded: the bytes themselves for a YAML/JSON
 * file, or the single `.yaml`/`.yml`/`.json` file of a zip, tar or tar.gz archive (the
 * format is told by magic bytes). Everything is capped at MAX_PIPELINE_BYTES, compressed
 * or not (package-limits.ts), so neither a huge file nor a zip bomb can exhaust memory.
 */
import { gunzipSync } from 'node:zlib';
import { SkiffError } from '../../core/errors.js';
import { detectPackageFormat, isTar } from './package-format.js';
import { listTarEntries } from './tar-archive.js';
import { MAX_PIPELINE_BYTES, tooLarge } from './package-limits.js';
import { listZipEntries } from './zip-archive.js';

export interface ArchiveEntry {
  name: string;
  /** Uncompressed size as the archive declares it. */
  size: number;
  read(): Uint8Array;
}

export interface PipelineFile {
  /** The file's name: the upload's own, or the entry's path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

const PIPELINE_FILE = /\.(ya?ml|json)$/i;

export function unpackPipelineFile(data: Uint8Array, fileName: string): PipelineFile {
  if (data.byteLength > MAX_PIPELINE_BYTES) throw tooLarge(fileName);
  try {
    return unpack(data, fileName);
  } catch (error) {
    // The archive readers describe the damage; the message names the upload.
    const { archive, damage } = error instanceof SkiffError ? error.details : {};
    if (typeof archive !== 'string' || typeof damage !== 'string') throw error;
    const message = `The ${archive} archive "${fileName}" is corrupt or unsupported: ${damage}.`;
    throw new SkiffError('INVALID_ARGUMENT', message, {}, { cause: error });
  }
}

function unpack(data: Uint8Array, fileName: string): PipelineFile {
  const format = detectPackageFormat(data);
  switch (format.kind) {
    case 'zip':
      return plainFile(single(listZipEntries(data, MAX_PIPELINE_BYTES), 'zip', fileName));
    case 'tar':
      return plainFile(single(listTarEntries(data), 'tar', fileName));
    case 'gzip': {
      const content = gunzip(data, fileName);
      if (isTar(content)) return plainFile(single(listTarEntries(content), 'tar.gz', fileName));
      return plainFile({ name: fileName.replace(/\.gz$/i, ''), bytes: content });
    }
    case 'binary':
      throw notAPipeline(fileName, format.description);
    case 'text':
      return { name: fileName, bytes: data };
  }
}

/** A file taken out of an archive must itself be YAML or JSON, not another archive. */
function plainFile(file: PipelineFile): PipelineFile {
  const format = detectPackageFormat(file.bytes);
  if (format.kind === 'text') return file;
  const what = format.kind === 'binary' ? format.description : `a ${format.kind} archive`;
  throw notAPipeline(file.name, what);
}

function single(entries: ArchiveEntry[], kind: string, archiveName: string): PipelineFile {
  const files = entries.filter((entry) => !entry.name.endsWith('/'));
  if (files.length === 0) {
    throw invalid(
      `The ${kind} archive "${archiveName}" is empty. Upload the pipeline's .yaml file, or an archive holding exactly that one file.`,
    );
  }
  const pipelines = files.filter((entry) => isPipelineFileName(entry.name));
  if (pipelines.length === 0) {
    throw invalid(
      `The ${kind} archive "${archiveName}" holds no pipeline file (.yaml, .yml or .json); it holds ${names(files)}. Add the compiled pipeline YAML.`,
    );
  }
  const [only, ...others] = pipelines;
  if (only === undefined || others.length > 0) {
    throw invalid(
      `The ${kind} archive "${archiveName}" holds ${pipelines.length} pipeline files (${names(pipelines)}); it must hold exactly one. Remove the others or upload the one you mean.`,
    );
  }
  return { name: only.name, bytes: only.read() };
}

/** YAML or JSON by name, leaving out the `__MACOSX/` and `._name` litter macOS zips carry. */
function isPipelineFileName(path: string): boolean {
  const segments = path.split('/');
  const base = segments.at(-1) ?? '';
  return PIPELINE_FILE.test(base) && !base.startsWith('._') && !segments.includes('__MACOSX');
}

function gunzip(data: Uint8Array, fileName: string): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: MAX_PIPELINE_BYTES });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge(fileName);
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`"${fileName}" is a damaged gzip file (${reason}).`);
  }
}

function names(entries: ArchiveEntry[]): string {
  const shown = entries.slice(0, 5).map((entry) => `"${entry.name}"`);
  const more = entries.length > shown.length ? ` and ${entries.length - shown.length} more` : '';
  return shown.join(', ') + more;
}

function notAPipeline(name: string, what: string): SkiffError {
  return invalid(
    `"${name}" is ${what}, not a pipeline. Upload the YAML file kfp.compiler wrote (or a zip/tar.gz holding it).`,
  );
}

function invalid(message: string): SkiffError {
  return new SkiffError('INVALID_ARGUMENT', message);
}
