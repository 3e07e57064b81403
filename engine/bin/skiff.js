#!/usr/bin/env node
// The `skiff` command. The CLI is TypeScript compiled to ../dist; say so plainly when it
// has not been built rather than failing with a module-not-found stack trace.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('Skiff is not built yet: run `npm run build` (npm ci does it).\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
