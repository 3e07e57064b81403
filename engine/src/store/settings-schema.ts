import { z } from 'zod';
import type { Settings } from '../api/contract.js';
import { storedTargetSchema } from '../targets/target-config.js';

export const SETTINGS_SCHEMA_VERSION = 1;

/** Image map pattern: letters, digits and `._-/:@*`; `*` is a wildcard. */
const imagePattern = z
  .string()
  .min(1)
  .regex(/^[\w.\-/:@*]+$/, 'use letters, digits and . _ - / : @ with * as a wildcard');
const imageName = z
  .string()
  .min(1)
  .regex(/^[\w.\-/:@]+$/, 'must be an image reference such as local/python-ml:bookworm');

export const settingsSchema = z.strictObject({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  engine: z.strictObject({
    port: z
      .number()
      .int()
      .min(1024, 'use a port from 1024 to 65535')
      .max(65535, 'use a port from 1024 to 65535'),
  }),
  ui: z.strictObject({
    theme: z.enum(['system', 'light', 'dark']),
  }),
  pipelines: z.strictObject({
    executor: z.enum(['auto', 'docker', 'process']),
    concurrency: z
      .number()
      .int()
      .min(1, 'run at least 1 task at a time')
      .max(64, 'at most 64 tasks at a time'),
  }),
  images: z.strictObject({
    map: z.record(imagePattern, imageName),
  }),
  /** Kubeflow targets by name; their secrets live in $SKIFF_HOME/secrets (targets/). */
  targets: z.record(z.string(), storedTargetSchema).optional(),
}) satisfies z.ZodType<Settings>;

export const DEFAULT_PORT = 8740;

export function defaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    engine: { port: DEFAULT_PORT },
    ui: { theme: 'system' },
    pipelines: { executor: 'auto', concurrency: 4 },
    images: {
      // Common public Python and shell images, served offline by the images that
      // `npm run images` builds from Debian packages (docs/images.md).
      map: {
        'python:*': 'local/python-ml:bookworm',
        '*/python:*': 'local/python-ml:bookworm',
        'registry.access.redhat.com/ubi9/python-*': 'local/python-ml:bookworm',
        alpine: 'local/busybox:1',
        'alpine:*': 'local/busybox:1',
        'busybox*': 'local/busybox:1',
        '*/busybox*': 'local/busybox:1',
      },
    },
  };
}

/** Settings whose value is a whole map the user owns: defaults never refill their keys. */
const USER_OWNED_MAPS = new Set(['images.map']);

/**
 * Fills in settings added since a file was written, keeping every value the user set
 * (including map entries they removed on purpose).
 */
export function withDefaults(defaults: unknown, stored: unknown, path = ''): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(defaults) || !isObject(stored) || USER_OWNED_MAPS.has(path)) return stored;
  const result: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(defaults)) {
    result[key] =
      key in stored ? withDefaults(value, stored[key], path ? `${path}.${key}` : key) : value;
  }
  return result;
}

/** The first problem zod found, as "field.path: what is wrong (fix)". */
export function describeSettingsProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: 'settings', message: 'settings: invalid' };
  const field = issue.path.map(String).join('.') || 'settings';
  const hint =
    issue.code === 'unrecognized_keys' ? ` (known keys are listed in docs/settings.md)` : '';
  return { field, message: `${field}: ${issue.message}${hint}` };
}
