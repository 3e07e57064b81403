// Moves the CommonJS preload that tsconfig.preload.json emitted to dist/preload.cjs, the
// path the main process gives Electron, and removes the rest of that separate output.
import { renameSync, rmSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
renameSync(new URL('preload-build/preload.js', dist), new URL('preload.cjs', dist));
rmSync(new URL('preload-build/', dist), { recursive: true, force: true });
