import type { ExecutorPreference, Settings, ThemePreference } from '@skiff/engine/api-contract';

/** One editable row of the images map. `key` keeps rows stable while they are edited. */
export interface ImageRow {
  key: number;
  pattern: string;
  image: string;
}

/** The settings form as the user edits it: numbers may be empty, rows incomplete. */
export interface SettingsDraft {
  theme: ThemePreference;
  port: number | null | undefined;
  executor: ExecutorPreference;
  concurrency: number | null | undefined;
  images: ImageRow[];
}

/** Field id (the input's id) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

export type DraftResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

let nextRowKey = 1;

export function newImageRow(pattern = '', image = ''): ImageRow {
  return { key: nextRowKey++, pattern, image };
}

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    theme: settings.ui.theme,
    port: settings.engine.port,
    executor: settings.pipelines.executor,
    concurrency: settings.pipelines.concurrency,
    images: Object.entries(settings.images.map).map(([pattern, image]) =>
      newImageRow(pattern, image),
    ),
  };
}

export const imageFieldId = (row: ImageRow, field: 'pattern' | 'image') =>
  `image-${field}-${row.key}`;

/**
 * Turns the draft into Settings, or says which fields need fixing first. Only what the
 * form cannot send is checked here (empty numbers, half-filled or repeated image rows);
 * ranges are the engine's to judge, and its message is shown as it comes.
 */
export function settingsFromDraft(saved: Settings, draft: SettingsDraft): DraftResult {
  const errors: FieldErrors = {};
  const port = finiteNumber(draft.port);
  if (port === null) errors['engine-port'] = 'Enter a port number, such as 8470.';
  const concurrency = finiteNumber(draft.concurrency);
  if (concurrency === null) errors['pipelines-concurrency'] = 'Enter a whole number, such as 4.';

  const map: Record<string, string> = {};
  for (const row of draft.images) {
    const pattern = row.pattern.trim();
    const image = row.image.trim();
    if (pattern === '' && image === '') continue;
    if (pattern === '') errors[imageFieldId(row, 'pattern')] = 'Enter the image name pattern.';
    else if (Object.hasOwn(map, pattern)) {
      errors[imageFieldId(row, 'pattern')] = `"${pattern}" is already mapped in a row above.`;
    }
    if (image === '') errors[imageFieldId(row, 'image')] = 'Enter the local image to use.';
    if (pattern !== '' && image !== '' && !Object.hasOwn(map, pattern)) map[pattern] = image;
  }

  if (Object.keys(errors).length > 0 || port === null || concurrency === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      ...saved,
      engine: { ...saved.engine, port },
      ui: { ...saved.ui, theme: draft.theme },
      pipelines: { ...saved.pipelines, executor: draft.executor, concurrency },
      images: { ...saved.images, map },
    },
  };
}

function finiteNumber(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The inputs that an engine error can point at, by the settings path it names. */
const FIELD_IDS: Record<string, string> = {
  'engine.port': 'engine-port',
  'ui.theme': 'ui-theme',
  'pipelines.executor': 'pipelines-executor',
  'pipelines.concurrency': 'pipelines-concurrency',
};

/**
 * The input to mark for an engine validation error, from its `details.field` (such as
 * `pipelines.concurrency`), or null when it names no single input of the form.
 */
export function fieldIdForEngineField(field: unknown): string | null {
  return typeof field === 'string' ? (FIELD_IDS[field] ?? null) : null;
}
