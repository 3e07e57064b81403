import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Clock, IdGenerator } from '../core/ports.js';

const TICKET_TTL_MS = 5 * 60_000;

/**
 * Who may talk to the engine: holders of the token (Bearer header) or of the session
 * cookie that a one-time login URL sets. Login tickets are single-use and short-lived,
 * so a URL seen in a terminal or a process list is worthless once opened.
 */
export class Auth {
  readonly #tickets = new Map<string, number>();
  readonly #token: Buffer;
  readonly cookieName: string;

  constructor(
    token: string,
    port: number,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.#token = Buffer.from(token);
    // Cookies ignore ports: name them per port so two engines don't overwrite each other.
    this.cookieName = `skiff_session_${port}`;
  }

  createTicket(): { ticket: string; expiresAt: Date } {
    const now = this.clock.now().getTime();
    for (const [ticket, expires] of this.#tickets) if (expires <= now) this.#tickets.delete(ticket);
    const ticket = this.ids.secret(24);
    const expiresAt = now + TICKET_TTL_MS;
    this.#tickets.set(ticket, expiresAt);
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  /** True once per valid ticket. */
  redeem(ticket: string): boolean {
    const expires = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    return expires !== undefined && expires > this.clock.now().getTime();
  }

  isAuthorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return this.#matches(header.slice('Bearer '.length).trim());
    const cookie = readCookie(req.headers.cookie, this.cookieName);
    return cookie !== undefined && this.#matches(cookie);
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.#token.toString()}; HttpOnly; SameSite=Strict; Path=/`;
  }

  #matches(candidate: string): boolean {
    const given = Buffer.from(candidate);
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
