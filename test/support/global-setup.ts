import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Cross-process tests run the built engine and UI (what users run). `npm test` builds
 * first; this catches running vitest directly on a tree that was never built.
 */
export default function setup(): void {
  for (const built of ['../../engine/dist/cli/main.js', '../../renderer/dist/index.html']) {
    if (!existsSync(fileURLToPath(new URL(built, import.meta.url)))) {
      throw new Error(
        `${built.replace('../../', '')} is missing: run \`npm run build\` (npm test does it for you).`,
      );
    }
  }
}
