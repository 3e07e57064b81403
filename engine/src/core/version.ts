import { readFileSync } from 'node:fs';

/** The engine package's version (src/core and dist/core both sit two levels below it). */
export const SKIFF_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
