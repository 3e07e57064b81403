import { describe, expect, it } from 'vitest';
import { contentTypeFor } from './artifact-content-type.js';

describe('contentTypeFor', () => {
  it.each([
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['data/train.CSV', 'text/csv; charset=utf-8'],
    ['metrics.json', 'application/json; charset=utf-8'],
    ['README.md', 'text/markdown; charset=utf-8'],
    ['report.html', 'text/html; charset=utf-8'],
    ['roc.png', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['anim.gif', 'image/gif'],
    ['chart.svg', 'image/svg+xml'],
    ['pic.webp', 'image/webp'],
    ['model.joblib', 'application/octet-stream'],
  ])('serves %s as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('uses the artifact type for KFP HTML and Markdown files without an extension', () => {
    expect(contentTypeFor('/a/run/task/report', 'system.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/a/run/task/notes', 'system.Markdown')).toBe(
      'text/markdown; charset=utf-8',
    );
    expect(contentTypeFor('/a/run/task/model', 'system.Model')).toBe('application/octet-stream');
  });
});
