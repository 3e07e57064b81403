import { describe, expect, it } from 'vitest';
import type { OutputStream } from './cli-context.js';
import { ProgressBar, renderProgressBar, renderProgressLine } from './progress-bar.js';

function stream(isTTY: boolean, columns?: number): OutputStream & { text: string } {
  return {
    isTTY,
    ...(columns !== undefined ? { columns } : {}),
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('renderProgressBar', () => {
  it('draws filled and empty cells, the count and the message', () => {
    expect(renderProgressBar({ current: 3, total: 7, message: 'Creating kind cluster' })).toBe(
      '[####......] 3/7 Creating kind cluster',
    );
    expect(renderProgressBar({ current: 7, total: 7, message: '' })).toBe('[##########] 7/7');
  });

  it('shows an empty bar without a count when the total is unknown', () => {
    expect(renderProgressBar({ current: 0, total: 0, message: 'Starting' })).toBe(
      '[..........] Starting',
    );
  });

  it('clamps progress beyond the total', () => {
    expect(renderProgressBar({ current: 9, total: 3, message: '' }, 4)).toBe('[####] 9/3');
  });

  it('truncates to the terminal width so it never wraps', () => {
    const line = renderProgressBar(
      { current: 1, total: 2, message: 'a very long message indeed' },
      10,
      20,
    );
    expect(line).toHaveLength(20);
    expect(line.endsWith('…')).toBe(true);
  });
});

describe('ProgressBar on a terminal', () => {
  it('redraws the bar in place and prints log lines above it', () => {
    const err = stream(true, 80);
    const out = stream(true, 80);
    const bar = new ProgressBar({ bar: err, log: out });
    bar.update({ current: 1, total: 2, message: 'Pulling' });
    bar.log('layer 1 done');
    bar.update({ current: 2, total: 2, message: 'Starting' });
    bar.done();
    expect(err.text).toBe(
      '\r\x1b[2K[#####.....] 1/2 Pulling' +
        '\r\x1b[2K' +
        '\r\x1b[2K[#####.....] 1/2 Pulling' +
        '\r\x1b[2K[##########] 2/2 Starting' +
        '\r\x1b[2K',
    );
    expect(out.text).toBe('layer 1 done\n');
  });
});

describe('ProgressBar without a terminal', () => {
  it('prints one plain line per change and no escape codes', () => {
    const err = stream(false);
    const bar = new ProgressBar({ bar: err });
    bar.update({ current: 1, total: 3, message: 'Checking prerequisites' });
    bar.update({ current: 1, total: 3, message: 'Checking prerequisites' });
    bar.log('docker ok');
    bar.update({ current: 2, total: 3, message: 'Creating kind cluster' });
    bar.done();
    expect(err.text).toBe('1/3 Checking prerequisites\ndocker ok\n2/3 Creating kind cluster\n');
  });

  it('formats the plain line without empty parts', () => {
    expect(renderProgressLine({ current: 0, total: 0, message: 'Queued' })).toBe('Queued');
  });
});
