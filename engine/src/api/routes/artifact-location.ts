import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SkiffError, invalidArgument } from '../../core/errors.js';

/** $SKIFF_HOME and its artifacts folder, the only part of it that artifact URLs may reach. */
export interface ArtifactRoots {
  home: string;
  artifacts: string;
}

export interface ArtifactFile {
  /** The real path (symlinks resolved) of the file or folder to serve. */
  path: string;
  /** The artifact's own real path: listings are relative to it. */
  base: string;
  stats: Stats;
}

/** The local path of an artifact URI, or undefined when it lives in a remote store. */
export function localPathOf(uri: string): string | undefined {
  if (uri.startsWith('file://')) return uri.slice('file://'.length);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return undefined;
  return isAbsolute(uri) ? uri : undefined;
}

/**
 * A `path` query parameter: relative, inside the artifact, no `..` and no NUL. Both
 * separators count, so a Windows-style `..\x` is refused everywhere.
 */
export function checkRelativePath(path: string): string {
  const fix = 'give a path relative to the artifact, like "plots/roc.png"';
  if (path.includes('\0')) throw invalidArgument('path', `contains a NUL byte; ${fix}`);
  if (isAbsolute(path) || /^[\\/]/.test(path) || /^[a-z]:/i.test(path)) {
    throw invalidArgument('path', `"${path}" is absolute; ${fix}`);
  }
  const segments = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..'))
    throw invalidArgument('path', `"${path}" leaves the artifact; ${fix}`);
  return segments.join('/');
}

export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
}

/**
 * The file to serve for an artifact and an optional relative path, after every check:
 * local URI, not elsewhere in $SKIFF_HOME, and (through symlinks) inside the artifact.
 */
export async function resolveArtifactFile(
  artifactId: string,
  uri: string,
  path: string | undefined,
  roots: ArtifactRoots,
): Promise<ArtifactFile> {
  const local = localPathOf(uri);
  if (local === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Artifact "${artifactId}" is stored at ${uri}, not on this machine, so Skiff cannot show it; fetch it with that store's own tools.`,
      { artifactId, uri },
    );
  }
  const [home, artifacts] = await Promise.all([
    realOrSelf(roots.home),
    realOrSelf(roots.artifacts),
  ]);
  const lexical = resolve(local);
  const base = await realpath(lexical).catch((error: unknown) => {
    throw missing(artifactId, lexical, error);
  });
  const underArtifacts = isInside(lexical, resolve(roots.artifacts)) || isInside(base, artifacts);
  if ((underArtifacts && !isInside(base, artifacts)) || (!underArtifacts && isInside(base, home))) {
    throw new SkiffError(
      'PERMISSION_DENIED',
      `Artifact "${artifactId}" points at ${lexical}, which is in Skiff's data folder but outside ${roots.artifacts}; only artifact files are served.`,
      { artifactId },
    );
  }
  const baseStats = await stat(base);
  if (path === undefined) return { path: base, base, stats: baseStats };
  const rel = checkRelativePath(path);
  if (!baseStats.isDirectory()) {
    throw invalidArgument('path', `artifact "${artifactId}" is a single file; leave path out`);
  }
  const target = await realpath(join(base, rel)).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' || code === 'ENOTDIR'
      ? new SkiffError('NOT_FOUND', `path: "${rel}" is not in artifact "${artifactId}".`, {
          field: 'path',
        })
      : error;
  });
  if (!isInside(target, base)) {
    throw invalidArgument(
      'path',
      `"${path}" is a link that leaves the artifact; ask for a file inside it`,
    );
  }
  return { path: target, base, stats: await stat(target) };
}

async function realOrSelf(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function missing(artifactId: string, path: string, error: unknown): SkiffError {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
    return new SkiffError(
      'INTERNAL',
      `Cannot read ${path}: ${String(error)}`,
      {},
      { cause: error },
    );
  }
  return new SkiffError(
    'NOT_FOUND',
    `Artifact "${artifactId}" has no file at ${path} any more (deleted, or never written by its task).`,
    { artifactId },
  );
}
