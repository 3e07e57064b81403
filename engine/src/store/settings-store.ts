import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Settings } from '../api/contract.js';
import { invalidArgument, SkiffError } from '../core/errors.js';
import { applyMergePatch } from './json-merge-patch.js';
import {
  defaultSettings,
  describeSettingsProblem,
  settingsSchema,
  withDefaults,
} from './settings-schema.js';

/**
 * settings.json through lowdb: defaults for what is missing, validation of every write,
 * and writes serialized so concurrent patches never interleave. lowdb writes a temp
 * file and renames it, so a crash leaves the old or the new file, never half of one.
 */
export class SettingsStore {
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<Settings>,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<SettingsStore> {
    const db = new Low<Settings>(new JSONFile<Settings>(file), defaultSettings());
    try {
      await db.read();
    } catch (error) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `${file} is not valid JSON (${(error as Error).message}). Fix it, or delete it to start from the defaults.`,
        { file },
        { cause: error },
      );
    }
    // Fill in keys added since the file was written, keeping everything the user set.
    const merged = withDefaults(defaultSettings(), db.data);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) {
      const problem = describeSettingsProblem(parsed.error);
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `${file} has an invalid setting: ${problem.message}. Fix the file, or delete it to start from the defaults.`,
        { file, field: problem.field },
      );
    }
    db.data = parsed.data;
    await db.write();
    return new SettingsStore(db, file);
  }

  get(): Settings {
    return structuredClone(this.db.data);
  }

  /** Applies a JSON merge patch; nothing is written when the result is invalid. */
  patch(patch: unknown): Promise<Settings> {
    const next = this.#queue.then(async () => {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw invalidArgument('body', 'send a JSON object (a JSON merge patch of the settings)');
      }
      if ('schemaVersion' in patch) {
        throw invalidArgument('schemaVersion', 'is managed by Skiff and cannot be changed');
      }
      const parsed = settingsSchema.safeParse(applyMergePatch(this.db.data, patch));
      if (!parsed.success) {
        const problem = describeSettingsProblem(parsed.error);
        throw new SkiffError('INVALID_ARGUMENT', problem.message, { field: problem.field });
      }
      this.db.data = parsed.data;
      await this.db.write();
      return this.get();
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
