/**
 * Checks the arguments the renderer sends over the bridge. Anything the page passes is
 * untrusted; each failure names the argument at fault (`url`, `options.filters[0].name`).
 */
import type { FileFilter, PickFileOptions } from './bridge-contract.js';

export class InvalidArgument extends Error {
  override readonly name = 'InvalidArgument';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const MAX_TEXT = 4096;
const EXTENSION = /^(\*|[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*)$/;

function expectArity(args: unknown[], max: number): void {
  if (args.length > max) {
    throw new InvalidArgument('arguments', `expected at most ${max}, got ${args.length}`);
  }
}

function expectText(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidArgument(field, 'must be a string');
  if (value.length > MAX_TEXT) {
    throw new InvalidArgument(field, `must be at most ${MAX_TEXT} characters`);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseNoArguments(args: unknown[]): void {
  expectArity(args, 0);
}

/** `openExternal(url)`: an absolute http or https URL. */
export function parseExternalUrl(args: unknown[]): string {
  expectArity(args, 1);
  const url = expectText(args[0], 'url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgument('url', 'must be an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidArgument('url', `must use http or https, not ${parsed.protocol}`);
  }
  return parsed.href;
}

function parseFilter(value: unknown, field: string): FileFilter {
  if (!isPlainObject(value)) throw new InvalidArgument(field, 'must be an object');
  const name = expectText(value.name, `${field}.name`);
  const extensions = value.extensions;
  if (!Array.isArray(extensions) || extensions.length === 0) {
    throw new InvalidArgument(`${field}.extensions`, 'must be a non-empty array');
  }
  return {
    name,
    extensions: extensions.map((extension: unknown, index) => {
      const text = expectText(extension, `${field}.extensions[${index}]`);
      if (!EXTENSION.test(text)) {
        throw new InvalidArgument(
          `${field}.extensions[${index}]`,
          'must be an extension without the dot, such as "yaml", or "*"',
        );
      }
      return text;
    }),
  };
}

/** `pickFile(options?)`: title, defaultPath and filters, nothing else. */
export function parsePickFileOptions(args: unknown[]): PickFileOptions {
  expectArity(args, 1);
  const value = args[0];
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new InvalidArgument('options', 'must be an object');
  const options: PickFileOptions = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    switch (key) {
      case 'title':
        options.title = expectText(field, 'options.title');
        break;
      case 'defaultPath':
        options.defaultPath = expectText(field, 'options.defaultPath');
        break;
      case 'filters':
        if (!Array.isArray(field)) {
          throw new InvalidArgument('options.filters', 'must be an array');
        }
        options.filters = field.map((filter: unknown, index) =>
          parseFilter(filter, `options.filters[${index}]`),
        );
        break;
      default:
        throw new InvalidArgument(`options.${key}`, 'is not a known option');
    }
  }
  return options;
}
