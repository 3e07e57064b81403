import { describe, expect, it } from 'vitest';
import type { PlatformComponent } from '../cluster-types.js';
import { installOrder } from './install-order.js';

const component = (name: string, dependsOn: string[] = []): PlatformComponent => ({
  name,
  description: name,
  path: name,
  dependsOn,
  readiness: [],
  timeoutSeconds: 60,
  images: [],
});

const names = (components: PlatformComponent[]): string[] => components.map((c) => c.name);

describe('installOrder', () => {
  it('puts every component after the ones it depends on', () => {
    const order = installOrder([
      component('kfp', ['mysql', 'argo']),
      component('mysql', ['namespaces']),
      component('argo', ['namespaces']),
      component('namespaces'),
    ]);
    expect(names(order)).toEqual(['namespaces', 'mysql', 'argo', 'kfp']);
  });

  it('keeps the listed order among independent components', () => {
    expect(names(installOrder([component('b'), component('a'), component('c')]))).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('names the cycle when components depend on each other', () => {
    expect(() => installOrder([component('a', ['b']), component('b', ['a'])])).toThrow(
      /cycle: a → b → a/,
    );
  });

  it('names a dependency the profile does not install', () => {
    expect(() => installOrder([component('kfp', ['mysql'])])).toThrow(
      /"kfp" depends on "mysql", which this profile does not install/,
    );
  });
});
