/** Image archives for offline machines: save a profile's images, load an archive. */
import { isAbsolute } from 'node:path';
import type { ClusterOperationStarted } from '../../api/contract.js';
import { invalidArgument, SkiffError } from '../../core/errors.js';
import type { ClusterService } from './cluster-service.js';
import { CREATE_DEFAULTS, parseProfile } from './cluster-request.js';
import { providerContext } from './cluster-steps.js';

interface ArchiveRequest {
  profile?: unknown;
  archive?: unknown;
}

function archivePath(body: unknown): string {
  const archive = (body as ArchiveRequest | null)?.archive;
  if (typeof archive !== 'string' || !isAbsolute(archive)) {
    throw invalidArgument(
      'archive',
      `${JSON.stringify(archive)} is not an absolute path; send the archive file's full path, e.g. "/data/skiff-lite-images.tar"`,
    );
  }
  return archive;
}

/** `docker save` of every image the profile runs, into one archive. */
export async function saveImages(
  service: ClusterService,
  body: unknown,
): Promise<ClusterOperationStarted> {
  const archive = archivePath(body);
  const requested = (body as ArchiveRequest).profile;
  const profile = parseProfile(requested ?? service.record?.profile ?? CREATE_DEFAULTS.profile);
  const { ports, operations } = service.deps;
  const images = await ports.catalog.images(profile);
  const missing = (await ports.archive.list(images)).filter((image) => !image.present);
  if (missing.length > 0) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `${missing.length} image(s) of profile "${profile}" are not in the local Docker (first: ${missing[0]?.image ?? ''}); pull them on a machine with a registry, then save again.`,
      { missing: missing.map((image) => image.image) },
    );
  }
  const started = operations.start(
    { kind: 'cluster.images.save', title: `Save ${profile} images to ${archive}`, steps: 1 },
    (op) =>
      op.step(`Saving ${images.length} images`, () =>
        ports.archive.save(images, archive, providerContext(op)),
      ),
  );
  started.result.catch(() => undefined); // the failure is on the operation
  return { operation: started.operation, cluster: service.snapshot() };
}

/** Loads an archive into every node of the running cluster. */
export function loadImages(service: ClusterService, body: unknown): ClusterOperationStarted {
  const archive = archivePath(body);
  const record = service.record;
  if (record?.state !== 'RUNNING') {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Images load into a running cluster, and ${record === undefined ? 'there is none' : `"${record.spec.name}" is ${record.state}`}; create or start it first.`,
    );
  }
  const { ports, operations } = service.deps;
  const provider = ports.providers.get(record.spec.provider);
  const started = operations.start(
    { kind: 'cluster.images.load', title: `Load images from ${archive}`, steps: 1 },
    (op) =>
      op.step(`Loading ${archive} into "${record.spec.name}"`, () =>
        provider.loadImages(record.spec.name, { archive }, providerContext(op)),
      ),
  );
  started.result.catch(() => undefined); // the failure is on the operation
  return { operation: started.operation, cluster: service.snapshot() };
}
