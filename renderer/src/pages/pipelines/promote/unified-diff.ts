export type DiffLineKind = 'header' | 'hunk' | 'added' | 'removed' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** The +, - or space the line starts with, shown as text so the change is not colour only. */
  marker: string;
  text: string;
}

/** Splits a unified diff into typed lines; `---`/`+++` file headers are not changes. */
export function parseUnifiedDiff(diff: string): DiffLine[] {
  const lines = diff.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line): DiffLine => {
    if (line.startsWith('+++') || line.startsWith('---')) {
      return { kind: 'header', marker: '', text: line };
    }
    if (line.startsWith('@@')) return { kind: 'hunk', marker: '', text: line };
    if (line.startsWith('+')) return { kind: 'added', marker: '+', text: line.slice(1) };
    if (line.startsWith('-')) return { kind: 'removed', marker: '-', text: line.slice(1) };
    return { kind: 'context', marker: ' ', text: line.startsWith(' ') ? line.slice(1) : line };
  });
}

/** "3 lines added, 1 removed" for the diff's summary. */
export function diffSummary(lines: readonly DiffLine[]): string {
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  const plural = (n: number) => (n === 1 ? 'line' : 'lines');
  return `${added} ${plural(added)} added, ${removed} ${plural(removed)} removed`;
}
