/**
 * `skiff images push`: each image a remote cluster cannot pull is tagged
 * `<registry>/<repository>:<tag>` (the tag kept, `local/` dropped) and pushed there, so the
 * pipeline can be rewritten to pull it from that registry.
 */
import { SkiffError } from '../../core/errors.js';
import type { ImageStore, RegistryAuth } from './image-store.js';
import type { ImageMapping } from './rewrite-images.js';

export interface RetagAndPushInput {
  store: ImageStore;
  /** `HOST:PORT[/prefix]`, e.g. `127.0.0.1:5000` or `registry.example.com/team`. */
  registry: string;
  images: string[];
  auth?: RegistryAuth;
  onLine?: (line: string) => void;
}

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** The registry as given, checked: no scheme, a host, an optional port and path. */
export function checkRegistry(registry: string): string {
  const trimmed = registry.trim().replace(/\/+$/, '');
  if (/^[a-z]+:\/\//i.test(trimmed)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `registry: "${registry}" has a scheme; give HOST:PORT[/prefix] without it, e.g. ${trimmed.replace(/^[a-z]+:\/\//i, '')}.`,
      { field: 'registry' },
    );
  }
  if (!REGISTRY.test(trimmed)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `registry: "${registry}" is not a registry address; give HOST:PORT[/prefix] in lower case, e.g. 127.0.0.1:5000 or registry.example.com/team.`,
      { field: 'registry' },
    );
  }
  return trimmed;
}

/** `local/busybox:1` + `reg:5000/team` → repository `reg:5000/team/busybox`, tag `1`. */
export function registryName(image: string, registry: string): { repository: string; tag: string } {
  const name = image.split('@')[0] ?? image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = (hasTag ? name.slice(0, colon) : name).replace(/^(local|localhost)\//, '');
  return {
    repository: `${registry}/${repository}`,
    tag: hasTag ? name.slice(colon + 1) : 'latest',
  };
}

export async function retagAndPush(input: RetagAndPushInput): Promise<ImageMapping[]> {
  const registry = checkRegistry(input.registry);
  const pushed: ImageMapping[] = [];
  for (const image of input.images) {
    const local = await input.store.inspect(image);
    if (!local.present) {
      throw new SkiffError(
        'NOT_FOUND',
        `Image \`${image}\` is not in the local Docker, so it cannot be pushed to ${registry}. Build or pull it first (for Skiff's own images: \`npm run images\`).`,
        { field: 'image', image },
      );
    }
    const { repository, tag } = registryName(image, registry);
    const to = `${repository}:${tag}`;
    input.onLine?.(`Tagging ${image} as ${to}`);
    await input.store.tag(image, repository, tag);
    input.onLine?.(`Pushing ${to}`);
    await input.store
      .push(repository, tag, {
        ...(input.auth !== undefined ? { auth: input.auth } : {}),
        ...(input.onLine !== undefined ? { onLine: input.onLine } : {}),
      })
      .catch((error: unknown) => {
        throw pushError(image, to, registry, error);
      });
    pushed.push({ from: image, to });
  }
  return pushed;
}

const UNREACHABLE =
  /connection refused|dial tcp|no such host|i\/o timeout|connection reset|HTTP response to HTTPS client|EOF|timeout/i;

export function pushError(image: string, to: string, registry: string, error: unknown): SkiffError {
  if (error instanceof SkiffError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const details = { field: 'registry', registry, image, to };
  if (UNREACHABLE.test(message)) {
    return new SkiffError(
      'UNAVAILABLE',
      `Pushing \`${image}\` as \`${to}\`: cannot reach registry ${registry}: ${message} — is it running, and is it an insecure registry Docker allows? (plain-http registries other than 127.0.0.0/8 must be listed in the daemon's insecure-registries)`,
      details,
      { cause: error },
    );
  }
  if (/unauthorized|authentication required|denied/i.test(message)) {
    return new SkiffError(
      'UNAUTHENTICATED',
      `Registry ${registry} refused pushing \`${image}\` as \`${to}\`: ${message}. Give a username and password that may push there (--username, SKIFF_REGISTRY_PASSWORD).`,
      details,
      { cause: error },
    );
  }
  return new SkiffError(
    'FAILED_PRECONDITION',
    `Pushing \`${image}\` as \`${to}\` to registry ${registry} failed: ${message}`,
    details,
    { cause: error },
  );
}
