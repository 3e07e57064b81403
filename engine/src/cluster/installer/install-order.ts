import { SkiffError } from '../../core/errors.js';
import type { PlatformComponent } from '../cluster-types.js';

/**
 * The components in an order where each comes after everything it depends on; among
 * independent ones the listed order holds, so installs are predictable. A dependency
 * outside the list, or a cycle, is a bundle error.
 */
export function installOrder(components: readonly PlatformComponent[]): PlatformComponent[] {
  const byName = new Map(components.map((component) => [component.name, component]));
  const ordered: PlatformComponent[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (component: PlatformComponent, path: string[]): void => {
    const seen = state.get(component.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `platform.yaml: components depend on each other in a cycle: ${[...path, component.name].join(' → ')}. Remove one of these dependsOn entries.`,
        { cycle: [...path, component.name] },
      );
    }
    state.set(component.name, 'visiting');
    for (const name of component.dependsOn) {
      const dependency = byName.get(name);
      if (!dependency) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `platform.yaml: component "${component.name}" depends on "${name}", which this profile does not install. Add "${name}" to the profile or drop the dependency.`,
          { component: component.name, dependency: name },
        );
      }
      visit(dependency, [...path, component.name]);
    }
    state.set(component.name, 'done');
    ordered.push(component);
  };
  for (const component of components) visit(component, []);
  return ordered;
}
