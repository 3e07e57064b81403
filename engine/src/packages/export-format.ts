/** The export formats `skiff export --format` accepts. */
import { SkiffError } from '../core/errors.js';

export const EXPORT_FORMATS = ['yaml', 'zip', 'gitops'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseExportFormat(value: string | undefined): ExportFormat {
  const format = EXPORT_FORMATS.find((known) => known === value);
  if (format !== undefined) return format;
  const got = value === undefined ? 'no --format was given' : `got "${value}"`;
  throw new SkiffError(
    'INVALID_ARGUMENT',
    `--format must be one of ${EXPORT_FORMATS.join(', ')}; ${got}. Example: --format yaml.`,
    { field: 'format' },
  );
}
