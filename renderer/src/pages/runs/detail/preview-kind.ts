import { parseCsv } from './csv';

/** How an artifact is previewed. `probe`: fetch the first bytes and decide from them. */
export type PreviewKind =
  | 'metrics'
  | 'classification'
  | 'image'
  | 'html'
  | 'markdown'
  | 'csv'
  | 'json'
  | 'text'
  | 'probe'
  | 'none';

const BY_EXTENSION: Readonly<Record<string, PreviewKind>> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  svg: 'image',
  webp: 'image',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  csv: 'csv',
  tsv: 'csv',
  json: 'json',
  txt: 'text',
  log: 'text',
  yaml: 'text',
  yml: 'text',
  py: 'text',
};

export function extensionOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The preview for an artifact from its schema type and its file name. */
export function previewKind(artifact: {
  type: string;
  uri: string;
  contentUrl?: string;
}): PreviewKind {
  if (artifact.type === 'system.Metrics') return 'metrics';
  if (artifact.type === 'system.ClassificationMetrics') return 'classification';
  if (!artifact.contentUrl) return 'none';
  if (artifact.type === 'system.HTML') return 'html';
  if (artifact.type === 'system.Markdown') return 'markdown';
  return BY_EXTENSION[extensionOf(artifact.uri)] ?? 'probe';
}

/** What fetched bytes are: a folder listing, JSON, CSV, text or something to download. */
export function sniffKind(
  contentType: string,
  text: string,
): 'directory' | 'json' | 'csv' | 'text' | 'binary' {
  if (contentType.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(text);
      const entries = (value as { entries?: unknown } | null)?.entries;
      return Array.isArray(entries) ? 'directory' : 'json';
    } catch {
      return 'text';
    }
  }
  if (text.includes('\u0000')) return 'binary';
  if (looksLikeCsv(text)) return 'csv';
  return 'text';
}

/** Several lines with the same number (> 1) of comma-separated fields. */
export function looksLikeCsv(text: string): boolean {
  const rows = parseCsv(text, 6);
  if (rows.length < 2) return false;
  const width = rows[0]?.length ?? 0;
  const complete = text.endsWith('\n') ? rows : rows.slice(0, -1);
  return width > 1 && complete.length >= 2 && complete.every((r) => r.length === width);
}
