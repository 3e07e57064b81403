import type { Settings, SettingsPatch } from '@skiff/engine/api-contract';

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The RFC 7386 JSON merge patch that turns `before` into `after`, or undefined when they
 * are equal. Objects are compared key by key (a key missing from `after` becomes `null`);
 * anything else, arrays included, is replaced whole.
 */
export function mergePatchDiff(before: unknown, after: unknown): unknown {
  if (!isPlainObject(before) || !isPlainObject(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? undefined : after;
  }
  const patch: PlainObject = {};
  for (const key of Object.keys(before)) {
    if (!(key in after)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(after)) {
    const change = key in before ? mergePatchDiff(before[key], value) : value;
    if (change !== undefined) patch[key] = change;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Only the settings that changed; empty when nothing did. `schemaVersion` is never sent. */
export function buildSettingsPatch(saved: Settings, edited: Settings): SettingsPatch {
  const before: Partial<Settings> = { ...saved };
  const after: Partial<Settings> = { ...edited };
  delete before.schemaVersion;
  delete after.schemaVersion;
  const diff = mergePatchDiff(before, after);
  // The diff of two Settings objects has the shape of SettingsPatch by construction.
  return isPlainObject(diff) ? diff : {};
}

export function isEmptyPatch(patch: SettingsPatch): boolean {
  return Object.keys(patch).length === 0;
}
