// `npm start`: the desktop app when Electron is installed, otherwise the engine with its UI
// in the browser (`skiff up`). Extra arguments go to whichever starts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Electron's binary, or undefined: it is optional, and its download may never have run. */
function electronBinary() {
  try {
    const binary = createRequire(fromRoot('electron/package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined; // the electron package throws when its binary was not downloaded
  }
}

function run(command, args, entry) {
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: build Skiff first with \`npm run build\`.`);
    process.exit(1);
  }
  // ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron act as Node.
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: undefined };
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) =>
    process.exit(signal ? 128 + constants.signals[signal] : (code ?? 1)),
  );
}

const extra = process.argv.slice(2);
const electron = electronBinary();
if (electron) {
  run(electron, [fromRoot('electron'), ...extra], fromRoot('electron/dist/main.js'));
} else {
  console.log(
    'Electron is not installed here; opening Skiff in your browser instead (install Electron with `npm install -w electron electron`).',
  );
  const cli = fromRoot('engine/bin/skiff.js');
  run(process.execPath, [cli, 'up', ...extra], cli);
}
