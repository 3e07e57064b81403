import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const announced = new Set<string>();

/**
 * Decides whether tests that need a machine facility run. Locally a missing facility
 * skips them with one printed reason; in CI (SKIFF_REQUIRE_<NAME>=1) it is a failure,
 * so nothing is silently skipped there.
 */
function requirement(name: 'DOCKER' | 'BROWSER', available: boolean, reason: string): boolean {
  if (available) return true;
  if (process.env[`SKIFF_REQUIRE_${name}`] === '1') {
    throw new Error(`${reason} (SKIFF_REQUIRE_${name}=1 demands it)`);
  }
  if (!announced.has(name)) {
    announced.add(name);
    console.warn(`[skip] ${reason}`);
  }
  return false;
}

export function hasDocker(): boolean {
  let up = false;
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'pipe',
      timeout: 10_000,
    });
    up = true;
  } catch {
    up = false;
  }
  return requirement(
    'DOCKER',
    up,
    'Docker tests skipped: no Docker daemon answers `docker info`. Start Docker to run them.',
  );
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string | undefined {
  const found = [process.env.SKIFF_CHROMIUM, ...CHROMIUM_CANDIDATES].find(
    (p): p is string => !!p && existsSync(p),
  );
  requirement(
    'BROWSER',
    found !== undefined,
    'Browser tests skipped: Chromium not found (apt-get install chromium, or set SKIFF_CHROMIUM).',
  );
  return found;
}
