import { describe, expect, it } from 'vitest';
import { extensionOf, looksLikeCsv, previewKind, sniffKind } from './preview-kind';

const file = (type: string, uri: string) => ({ type, uri, contentUrl: '/c' });

describe('artifact preview kind', () => {
  it('previews metrics from metadata and files by type or extension', () => {
    expect(previewKind({ type: 'system.Metrics', uri: 'x' })).toBe('metrics');
    expect(previewKind(file('system.ClassificationMetrics', 'x'))).toBe('classification');
    expect(previewKind(file('system.HTML', '/a/report'))).toBe('html');
    expect(previewKind(file('system.Markdown', '/a/notes'))).toBe('markdown');
    expect(previewKind(file('system.Artifact', '/a/plot.PNG'))).toBe('image');
    expect(previewKind(file('system.Dataset', '/a/data.tsv'))).toBe('csv');
    expect(previewKind(file('system.Dataset', '/a/dataset'))).toBe('probe');
    expect(previewKind({ type: 'system.Model', uri: 'gs://b/m' })).toBe('none');
  });

  it('takes the extension of the last path segment only', () => {
    expect(extensionOf('/a.b/model')).toBe('');
    expect(extensionOf('/a/.hidden')).toBe('');
    expect(extensionOf('/a/x.tar.gz')).toBe('gz');
  });

  it('sniffs folders, JSON, CSV, text and binary bytes', () => {
    expect(sniffKind('application/json', '{"entries":[]}')).toBe('directory');
    expect(sniffKind('application/json; charset=utf-8', '{"a":1}')).toBe('json');
    expect(sniffKind('application/octet-stream', 'a,b\n1,2\n3,4\n')).toBe('csv');
    expect(sniffKind('application/octet-stream', 'hello\nworld')).toBe('text');
    expect(sniffKind('application/octet-stream', 'PK\u0003\u0004\u0000')).toBe('binary');
  });

  it('needs two complete rows of equal width to call text CSV', () => {
    expect(looksLikeCsv('a,b\n1,2\n')).toBe(true);
    expect(looksLikeCsv('a,b\n1,2')).toBe(false);
    expect(looksLikeCsv('one, two words\nsecond line here\n')).toBe(false);
  });
});
