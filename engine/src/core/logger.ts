import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger, LogLevel } from './ports.js';

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** JSON lines are appended here (e.g. `$SKIFF_HOME/logs/engine.log`). */
  file?: string;
  /** Human-readable lines on stderr too. */
  console?: boolean;
  level?: LogLevel;
}

/**
 * A small JSON-lines logger. Synchronous appends keep the last lines on disk when the
 * process is killed, which is when they matter most.
 */
export function createLogger(options: LoggerOptions, fields: Record<string, unknown> = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  return {
    log(level, message, extra) {
      if (LEVELS[level] < threshold) return;
      const record = { time: new Date().toISOString(), level, message, ...fields, ...extra };
      if (options.file) appendFileSync(options.file, `${JSON.stringify(record)}\n`);
      if (options.console) process.stderr.write(`[${level}] ${message}\n`);
    },
    child(more) {
      return createLogger(options, { ...fields, ...more });
    },
  };
}

/** A logger that drops everything, for tests and tools that print their own output. */
export const silentLogger: Logger = {
  log: () => undefined,
  child: () => silentLogger,
};
