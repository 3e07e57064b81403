import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { SkiffError } from '../../core/errors.js';
import type { PlatformComponent, PlatformManifest, PlatformProfile } from '../cluster-types.js';

/**
 * `bundled-manifests/platform.yaml`: read, check its shape, then check what a schema cannot
 * (names resolve, dependencies come first) so the installer can trust it.
 */

const name = z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'must be a lowercase DNS label');
const port = z.number().int().min(1).max(65535);

const readiness = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('CustomResourceDefinition'), name: z.string().min(1) }),
  z.strictObject({
    kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']),
    namespace: name,
    name: name,
  }),
]);

const endpoint = z.strictObject({
  name,
  namespace: name,
  service: name,
  port,
  localPort: port,
  path: z.string().startsWith('/').optional(),
});

const component = z.strictObject({
  name,
  description: z.string().min(1),
  path: z.string().regex(/^[a-z0-9][a-z0-9/-]*$/, 'must be a folder under bundled-manifests/'),
  dependsOn: z.array(name),
  readiness: z.array(readiness),
  timeoutSeconds: z.number().int().positive(),
  images: z.array(z.string().min(1)),
  endpoints: z.array(endpoint).optional(),
});

const profile = z.strictObject({ description: z.string().min(1), components: z.array(name) });

const manifest = z.strictObject({
  apiVersion: z.literal('skiff.dev/v1'),
  kind: z.literal('Platform'),
  metadata: z.strictObject({ name, version: z.string().min(1) }),
  profiles: z.strictObject({ lite: profile, full: profile }),
  components: z.array(component).min(1),
}) satisfies z.ZodType<PlatformManifest>;

/** `components[3].readiness[0].kind`, the way a person reading the YAML finds the spot. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function invalid(source: string, message: string, details: Record<string, unknown> = {}): never {
  throw new SkiffError('INVALID_ARGUMENT', `${source}: ${message}`, { source, ...details });
}

/** Parses and checks platform.yaml text; `source` names the file in error messages. */
export function parsePlatformManifest(text: string, source = 'platform.yaml'): PlatformManifest {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    invalid(source, `is not valid YAML: ${(error as Error).message}`);
  }
  const result = manifest.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? fieldPath(issue.path) || '(top level)' : '(top level)';
    invalid(source, `${field} ${issue?.message ?? 'is invalid'}`, { field });
  }
  checkReferences(result.data, source);
  return result.data;
}

export async function loadPlatformManifest(bundleDir: string): Promise<PlatformManifest> {
  const file = join(bundleDir, 'platform.yaml');
  return parsePlatformManifest(await readFile(file, 'utf8'), file);
}

function checkReferences(platform: PlatformManifest, source: string): void {
  const byName = new Map<string, PlatformComponent>();
  const localPorts = new Map<number, string>();
  for (const [i, c] of platform.components.entries()) {
    if (byName.has(c.name)) invalid(source, `components[${i}].name "${c.name}" is listed twice`);
    byName.set(c.name, c);
    for (const e of c.endpoints ?? []) {
      const owner = localPorts.get(e.localPort);
      if (owner) {
        invalid(source, `local port ${e.localPort} of ${c.name}/${e.name} is also ${owner}'s`);
      }
      localPorts.set(e.localPort, `${c.name}/${e.name}`);
    }
  }
  for (const [i, c] of platform.components.entries()) {
    for (const dep of c.dependsOn) {
      if (!byName.has(dep)) {
        invalid(source, `components[${i}].dependsOn names "${dep}", which is not a component`);
      }
    }
  }
  checkAcyclic(platform, byName, source);
  for (const key of ['lite', 'full'] as const) checkProfile(platform, key, byName, source);
  const full = new Set(platform.profiles.full.components);
  for (const c of platform.components) {
    if (!full.has(c.name))
      invalid(source, `component "${c.name}" is missing from the full profile`);
  }
}

/** Depth-first walk: meeting a component still on the path means a cycle. */
function checkAcyclic(
  platform: PlatformManifest,
  byName: Map<string, PlatformComponent>,
  source: string,
): void {
  const done = new Set<string>();
  const visit = (c: PlatformComponent, path: string[]): void => {
    if (done.has(c.name)) return;
    if (path.includes(c.name)) {
      invalid(source, `dependsOn has a cycle: ${[...path, c.name].join(' → ')}`);
    }
    for (const dep of c.dependsOn) visit(byName.get(dep) as PlatformComponent, [...path, c.name]);
    done.add(c.name);
  };
  for (const c of platform.components) visit(c, []);
}

/** A profile's list is its install order: each dependency must be installed earlier. */
function checkProfile(
  platform: PlatformManifest,
  key: PlatformProfile,
  byName: Map<string, PlatformComponent>,
  source: string,
): void {
  const seen = new Set<string>();
  for (const [i, componentName] of platform.profiles[key].components.entries()) {
    const c = byName.get(componentName);
    const field = `profiles.${key}.components[${i}]`;
    if (!c) invalid(source, `${field} names "${componentName}", which is not a component`);
    if (seen.has(c.name)) invalid(source, `${field} lists "${c.name}" twice`);
    for (const dep of c.dependsOn) {
      if (!seen.has(dep)) {
        invalid(
          source,
          `${field} "${c.name}" depends on "${dep}", which must come earlier in the ${key} profile`,
        );
      }
    }
    seen.add(c.name);
  }
}

/** The profile's components in install order. */
export function profileComponents(
  platform: PlatformManifest,
  key: PlatformProfile,
): PlatformComponent[] {
  return platform.profiles[key].components.map((n) => {
    const c = platform.components.find((candidate) => candidate.name === n);
    if (!c) throw new SkiffError('INTERNAL', `Profile ${key} names unknown component "${n}".`);
    return c;
  });
}
