/**
 * The machine's facts for `GET /api/v1/system`, cached so that the endpoint answers from
 * memory: fresh values are returned as they are, stale ones are returned at once while a
 * single background probe refreshes them (stale-while-revalidate).
 */
import type { SystemInfo } from '../api/contract.js';
import { probeSystem, type SystemProbeDeps } from './probe-system.js';

export const DEFAULT_SYSTEM_TTL_MS = 5000;

export interface SystemStatusDeps extends SystemProbeDeps {
  /** How long probed facts count as fresh; default 5 s. */
  ttlMs?: number;
  /** The probe to run; default the real one (tests pass a counting fake). */
  probe?: (deps: SystemProbeDeps) => Promise<SystemInfo>;
}

export class SystemStatus {
  readonly #deps: SystemStatusDeps;
  readonly #ttlMs: number;
  #cached: { value: SystemInfo; at: number } | undefined;
  #inFlight: Promise<SystemInfo> | undefined;

  constructor(deps: SystemStatusDeps) {
    this.#deps = deps;
    this.#ttlMs = deps.ttlMs ?? DEFAULT_SYSTEM_TTL_MS;
  }

  /** Cached facts; only the very first call waits for a probe. */
  get(): Promise<SystemInfo> {
    const cached = this.#cached;
    if (cached === undefined) return this.refresh();
    if (this.#now() - cached.at >= this.#ttlMs) {
      // Errors cannot happen (probes never throw), but a background task must not leak one.
      this.refresh().catch(() => undefined);
    }
    return Promise.resolve(cached.value);
  }

  /** Probes now (joining a probe already running) and caches the result. */
  refresh(): Promise<SystemInfo> {
    this.#inFlight ??= this.#probe().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #probe(): Promise<SystemInfo> {
    const probe = this.#deps.probe ?? probeSystem;
    const value = await probe(this.#deps);
    this.#cached = { value, at: this.#now() };
    return value;
  }

  #now(): number {
    return this.#deps.clock.now().getTime();
  }
}
