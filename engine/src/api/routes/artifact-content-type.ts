import { extname } from 'node:path';

/** What the UI can preview, by extension; anything else is served as opaque bytes. */
const TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** KFP writes HTML and Markdown artifacts to files without an extension; their type says what they are. */
const BY_SCHEMA: Readonly<Record<string, string>> = {
  'system.HTML': 'text/html; charset=utf-8',
  'system.Markdown': 'text/markdown; charset=utf-8',
};

export const OCTET_STREAM = 'application/octet-stream';

export function contentTypeFor(file: string, schemaTitle?: string): string {
  const byExtension = TYPES[extname(file).toLowerCase()];
  if (byExtension) return byExtension;
  return (schemaTitle && extname(file) === '' && BY_SCHEMA[schemaTitle]) || OCTET_STREAM;
}
