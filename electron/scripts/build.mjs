// Builds the desktop shell. Electron is an optional dependency: where its binary cannot be
// downloaded, npm removes the package, and with it the types the shell compiles against.
// Then there is no desktop app to build, and `npm start` opens Skiff in the browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronTypes;
try {
  electronTypes = require.resolve('electron/electron.d.ts');
} catch {
  electronTypes = undefined;
}
if (electronTypes === undefined || !existsSync(electronTypes)) {
  console.log(
    'electron: not installed (its download failed or was skipped), so the desktop shell is not built; `npm start` opens Skiff in the browser. Install it with `npm install -w electron electron`.',
  );
  process.exit(0);
}
const tsc = require.resolve('typescript/bin/tsc');
for (const project of ['tsconfig.build.json', 'tsconfig.preload.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
}
execFileSync(process.execPath, ['scripts/finish-preload.mjs'], { stdio: 'inherit' });
