import { parseArgs } from 'node:util';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectEngine } from '../engine-discovery.js';
import {
  formatSettingsKey,
  formatSettingValue,
  mergePatchFor,
  parseSettingsKey,
  parseSettingsValue,
  valueAtPath,
} from '../settings-path.js';

export const help = `Usage: skiff settings get [KEY] [--json]
       skiff settings set KEY VALUE [--json]

Reads or changes the running engine's settings (the engine is their only writer, so it
must run). KEY is a dotted path; put a map key that contains dots in brackets.
VALUE is read as JSON when it parses (8, true, null, "text", {...}), else as a string.
\`set\` sends a JSON merge patch: objects merge into what is there, null removes a key.

Options:
${CLIENT_OPTIONS_HELP}

Examples:
  skiff settings get
  skiff settings get pipelines.concurrency
  skiff settings set pipelines.concurrency 8
  skiff settings set pipelines.executor docker
  skiff settings set 'images.map[python:3.11]' local/python-ml:bookworm
  skiff settings set images.map '{"python:3.11":"local/python-ml:bookworm"}'
  skiff settings set 'images.map[python:3.11]' null      # removes the entry
`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('settings', () =>
    parseArgs({ args, options: CLIENT_OPTIONS, allowPositionals: true, strict: true }),
  );
  const [action, ...rest] = positionals;
  if (action === 'get') {
    expectPositionals('settings', rest, 0, 1, 'KEY');
    const key = rest[0];
    const path = key === undefined ? [] : parseSettingsKey(key);
    const { client } = await connectEngine(engineLocation(values, ctx.env));
    const value = valueAtPath(await client.settings(), path);
    ctx.stdout.write(
      `${values.json ? JSON.stringify(value, null, 2) : formatSettingValue(value)}\n`,
    );
    return 0;
  }
  if (action === 'set') {
    expectPositionals('settings', rest, 2, 2, 'KEY and VALUE');
    const [key = '', text = ''] = rest;
    const path = parseSettingsKey(key);
    const value = parseSettingsValue(text);
    const patch = mergePatchFor(path, value);
    const { client } = await connectEngine(engineLocation(values, ctx.env));
    const settings = await client.patchSettings(patch);
    if (values.json) {
      ctx.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
      return 0;
    }
    const name = formatSettingsKey(path);
    if (value === null) {
      ctx.stdout.write(`Removed ${name}.\n`);
    } else {
      ctx.stdout.write(`${name} = ${formatSettingValue(valueAtPath(settings, path))}\n`);
    }
    return 0;
  }
  throw usageError(
    'settings',
    action === undefined
      ? 'Missing action: get or set'
      : `Unknown action "${action}"; use get or set`,
  );
}
