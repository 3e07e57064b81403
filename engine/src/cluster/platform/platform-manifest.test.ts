import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { SkiffError } from '../../core/errors.js';
import { parsePlatformManifest, profileComponents } from './platform-manifest.js';

interface Draft {
  [key: string]: unknown;
  profiles: Record<'lite' | 'full', { description: string; components: string[] }>;
  components: Record<string, unknown>[];
}

function component(name: string, dependsOn: string[] = []): Record<string, unknown> {
  return {
    name,
    description: `The ${name} component.`,
    path: name,
    dependsOn,
    readiness: [{ kind: 'Deployment', namespace: 'kubeflow', name }],
    timeoutSeconds: 60,
    images: [`ghcr.io/skiff/${name}:1.0.0`],
  };
}

function draft(): Draft {
  return {
    apiVersion: 'skiff.dev/v1',
    kind: 'Platform',
    metadata: { name: 'test', version: '1' },
    profiles: {
      lite: { description: 'Small.', components: ['storage', 'api'] },
      full: { description: 'All.', components: ['storage', 'api', 'dashboard'] },
    },
    components: [component('storage'), component('api', ['storage']), component('dashboard')],
  };
}

function errorOf(value: Draft): string {
  try {
    parsePlatformManifest(stringify(value));
  } catch (error) {
    expect(error).toBeInstanceOf(SkiffError);
    expect((error as SkiffError).code).toBe('INVALID_ARGUMENT');
    return (error as Error).message;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('parsePlatformManifest', () => {
  it('reads a valid manifest and lists a profile in install order', () => {
    const platform = parsePlatformManifest(stringify(draft()));
    expect(profileComponents(platform, 'lite').map((c) => c.name)).toEqual(['storage', 'api']);
  });

  it('names the field that is wrong', () => {
    const d = draft();
    d.components[1] = { ...component('api', ['storage']), readiness: [{ kind: 'Pod', name: 'x' }] };
    expect(errorOf(d)).toMatch(/^platform\.yaml: components\[1\]\.readiness\[0\]\.kind /);
  });

  it('rejects fields it does not know, so typos do not pass silently', () => {
    const d = draft();
    d.components[0] = { ...component('storage'), dependOn: [] };
    expect(errorOf(d)).toContain('components[0]');
  });

  it('rejects a profile naming a component that does not exist', () => {
    const d = draft();
    d.profiles.lite.components.push('katib');
    expect(errorOf(d)).toContain('profiles.lite.components[2] names "katib"');
  });

  it('rejects a component installed before what it depends on', () => {
    const d = draft();
    d.profiles.full.components = ['api', 'storage', 'dashboard'];
    expect(errorOf(d)).toContain('"api" depends on "storage", which must come earlier');
  });

  it('rejects a dependency cycle', () => {
    const d = draft();
    d.components[0] = component('storage', ['api']);
    expect(errorOf(d)).toMatch(/cycle: (storage → api → storage|api → storage → api)/);
  });

  it('rejects two endpoints on one local port', () => {
    const d = draft();
    const endpoint = { namespace: 'kubeflow', service: 'svc', port: 80, localPort: 18701 };
    d.components[0] = { ...component('storage'), endpoints: [{ name: 'a', ...endpoint }] };
    d.components[1] = {
      ...component('api', ['storage']),
      endpoints: [{ name: 'b', ...endpoint }],
    };
    expect(errorOf(d)).toContain('local port 18701 of api/b is also storage/a');
  });

  it('rejects a component left out of the full profile', () => {
    const d = draft();
    d.profiles.full.components = ['storage', 'api'];
    expect(errorOf(d)).toContain('"dashboard" is missing from the full profile');
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parsePlatformManifest('a: [', 'bundle/platform.yaml')).toThrow(
      /^bundle\/platform\.yaml: is not valid YAML/,
    );
  });
});
