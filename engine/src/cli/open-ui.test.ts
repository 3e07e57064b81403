import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOpener, findElectron, launchDesktopApp, openBrowser } from './open-ui.js';

describe('browserOpener', () => {
  it('uses the platform opener', () => {
    expect(browserOpener('linux', 'http://x/')).toEqual({ file: 'xdg-open', args: ['http://x/'] });
    expect(browserOpener('darwin', 'http://x/')).toEqual({ file: 'open', args: ['http://x/'] });
    expect(browserOpener('win32', 'http://x/?a=1&b=2')).toEqual({
      file: 'cmd',
      args: ['/c', 'start', '""', 'http://x/?a=1^&b=2'],
    });
  });
});

describe('findElectron', () => {
  it('finds nothing when the shell is not built', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skiff-no-electron-'));
    try {
      expect(findElectron({}, dir)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('can be turned off', () => {
    expect(findElectron({ SKIFF_NO_ELECTRON: '1' })).toBeUndefined();
  });
});

describe('without a display', () => {
  it('opens no browser and no desktop app on Linux', async () => {
    expect(await openBrowser('http://x/', { env: {}, platform: 'linux' })).toEqual({
      how: 'none',
      reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)',
    });
    expect(await launchDesktopApp({ env: {}, platform: 'linux', home: '/tmp/h' })).toBe(false);
  });
});

describe('openBrowser with fake openers', () => {
  it('runs the platform opener found on PATH, detached', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skiff-opener-'));
    try {
      const record = path.join(dir, 'opened.txt');
      await writeFile(path.join(dir, 'xdg-open'), `#!/bin/sh\necho "$@" > ${record}\n`);
      await chmod(path.join(dir, 'xdg-open'), 0o755);
      const opened = await openBrowser('http://127.0.0.1:1/login?ticket=t', {
        env: { PATH: dir, DISPLAY: ':0' },
        platform: 'linux',
      });
      expect(opened).toEqual({ how: 'browser', command: 'xdg-open' });
      await expect
        .poll(() => readFile(record, 'utf8').catch(() => ''))
        .toBe('http://127.0.0.1:1/login?ticket=t\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when there is no opener', async () => {
    expect(
      await openBrowser('http://x/', {
        env: { PATH: '/nonexistent', DISPLAY: ':0' },
        platform: 'linux',
      }),
    ).toEqual({ how: 'none', reason: '`xdg-open` was not found' });
  });
});

describe('the desktop app', () => {
  async function fakeShell(): Promise<{ app: string; record: string }> {
    const app = await mkdtemp(path.join(tmpdir(), 'skiff-electron-app-'));
    const record = path.join(app, 'launched.txt');
    await mkdir(path.join(app, 'dist'));
    await writeFile(path.join(app, 'dist', 'main.js'), '');
    await writeFile(path.join(app, 'package.json'), '{"name":"shell"}');
    await mkdir(path.join(app, 'node_modules', 'electron'), { recursive: true });
    const binary = path.join(app, 'electron-binary');
    await writeFile(binary, `#!/bin/sh\necho "$SKIFF_HOME $@" > ${record}\n`);
    await chmod(binary, 0o755);
    await writeFile(
      path.join(app, 'node_modules', 'electron', 'index.js'),
      `module.exports = ${JSON.stringify(binary)};`,
    );
    return { app, record };
  }

  it('is found when the shell is built and the Electron binary downloaded', async () => {
    const { app } = await fakeShell();
    try {
      expect(findElectron({}, app)).toEqual({
        binary: path.join(app, 'electron-binary'),
        appDir: app,
      });
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });

  it('starts with the chosen SKIFF_HOME', async () => {
    const { app, record } = await fakeShell();
    try {
      expect(
        await launchDesktopApp({
          env: { DISPLAY: ':0' },
          platform: 'linux',
          home: '/tmp/some-home',
          appDir: app,
        }),
      ).toBe(true);
      await expect
        .poll(() => readFile(record, 'utf8').catch(() => ''))
        .toBe(`/tmp/some-home ${app}\n`);
    } finally {
      await rm(app, { recursive: true, force: true });
    }
  });
});
