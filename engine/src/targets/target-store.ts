/**
 * Targets: their settings in settings.json (`targets.<name>`), their secrets in
 * `$SKIFF_HOME/secrets/targets/<name>.json` (0600, folder 0700) so settings can be shown,
 * exported and synced without leaking a token. Views show the last 4 characters only.
 */
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TargetView } from '../api/contract.js';
import { SkiffError } from '../core/errors.js';
import {
  checkTargetName,
  splitTargetInput,
  storedTargetSchema,
  type ResolvedTarget,
  type StoredTarget,
  type TargetSecret,
} from './target-config.js';

/** Where the targets' settings live: the engine's settings store, or settings.json read-only. */
export interface TargetSettingsPort {
  read(): unknown;
  /** A JSON merge patch of `targets`; absent when the caller may only read. */
  patch?: (patch: Record<string, unknown>) => Promise<void>;
}

export const INSECURE_WARNING =
  'TLS verification is off for this target: anyone on the network path can read its token. Give the CA with --ca-file instead.';

export class TargetStore {
  constructor(
    private readonly secretsDir: string,
    private readonly settings: TargetSettingsPort,
  ) {}

  static secretsDirOf(homeRoot: string): string {
    return join(homeRoot, 'secrets', 'targets');
  }

  /** Every target as views show it: with the secret's last characters as its hint. */
  list(): TargetView[] {
    return Object.entries(this.#all()).map(([name, stored]) =>
      toView(name, stored, this.#secretSync(name)),
    );
  }

  async view(name: string): Promise<TargetView> {
    const stored = this.#stored(name);
    return toView(name, stored, await this.#secret(name));
  }

  async get(name: string): Promise<ResolvedTarget> {
    const stored = this.#stored(name);
    return { ...stored, name, secret: (await this.#secret(name)) ?? {} };
  }

  /** Adds or replaces a target; the secret file is written before settings point at it. */
  async put(name: string, input: unknown): Promise<TargetView> {
    checkTargetName(name);
    const { stored, secret } = splitTargetInput(input);
    const patch = this.#writer();
    if (secret.token !== undefined || secret.cookie !== undefined) {
      await mkdir(this.secretsDir, { recursive: true, mode: 0o700 });
      const file = this.#secretFile(name);
      await writeFile(file, `${JSON.stringify(secret)}\n`, { mode: 0o600 });
      await chmod(file, 0o600);
    } else {
      await rm(this.#secretFile(name), { force: true });
    }
    const previous = this.#all()[name];
    await patch({ [name]: replacementPatch(previous, stored) });
    return toView(name, stored, secret);
  }

  async remove(name: string): Promise<void> {
    this.#stored(name);
    await this.#writer()({ [name]: null });
    await rm(this.#secretFile(name), { force: true });
  }

  #writer(): (patch: Record<string, unknown>) => Promise<void> {
    const { patch } = this.settings;
    if (patch === undefined) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        'Targets are changed by the engine (it is the only writer of settings.json): start it with `skiff serve` and try again.',
      );
    }
    return patch;
  }

  #all(): Record<string, StoredTarget> {
    const raw = this.settings.read();
    const out: Record<string, StoredTarget> = {};
    if (typeof raw !== 'object' || raw === null) return out;
    for (const [name, value] of Object.entries(raw)) {
      const parsed = storedTargetSchema.safeParse(value);
      if (parsed.success) out[name] = parsed.data;
    }
    return out;
  }

  #stored(name: string): StoredTarget {
    const stored = this.#all()[name];
    if (stored === undefined) {
      const known = Object.keys(this.#all());
      throw new SkiffError(
        'NOT_FOUND',
        `Target "${name}" was not found. ${known.length > 0 ? `Known targets: ${known.join(', ')}.` : 'Add one with `skiff target add NAME --url URL`.'}`,
        { field: 'target', id: name },
      );
    }
    return stored;
  }

  #secretFile(name: string): string {
    return join(this.secretsDir, `${checkTargetName(name)}.json`);
  }

  #secretSync(name: string): TargetSecret | undefined {
    try {
      return JSON.parse(readFileSync(this.#secretFile(name), 'utf8')) as TargetSecret;
    } catch {
      return undefined;
    }
  }

  async #secret(name: string): Promise<TargetSecret | undefined> {
    const text = await readFile(this.#secretFile(name), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const value = JSON.parse(text) as TargetSecret;
    return value;
  }
}

function toView(name: string, stored: StoredTarget, secret: TargetSecret | undefined): TargetView {
  const hidden = secret?.token ?? secret?.cookie;
  const pathHint = stored.auth.tokenFile ?? stored.auth.kubeconfigPath;
  const hint = hidden !== undefined ? `…${hidden.slice(-4)}` : pathHint;
  const view: TargetView = {
    name,
    url: stored.url,
    auth: { type: stored.auth.type, ...(hint !== undefined ? { hint } : {}) },
    ...(stored.namespace !== undefined ? { namespace: stored.namespace } : {}),
    ...(stored.tls !== undefined ? { tls: stored.tls } : {}),
    ...(stored.uiUrl !== undefined ? { uiUrl: stored.uiUrl } : {}),
  };
  if (stored.tls?.insecureSkipVerify === true) view.warning = INSECURE_WARNING;
  return view;
}

/** A merge patch that makes `previous` exactly `next`: keys that went away become null. */
export function replacementPatch(previous: unknown, next: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(previous) || !isObject(next)) return next;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(previous)) if (!(key in next)) patch[key] = null;
  for (const [key, value] of Object.entries(next))
    patch[key] = replacementPatch(previous[key], value);
  return patch;
}
