import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';
import { chromiumPath, hasDocker } from '../support/requirements.js';

const chromium = chromiumPath();
const dockerUp = hasDocker();
const PAGES = [
  'Overview',
  'Pipelines',
  'Runs',
  'Tuning',
  'Serving',
  'Notebooks',
  'Monitoring',
  'Cluster',
  'Settings',
];

describe.skipIf(!chromium)('UI shell in Chromium', () => {
  let browser: BrowserContext;
  let engine: EngineProcess;
  let page: Page;
  const home = tempHome('skiff-ui-');

  beforeAll(async () => {
    browser = await launchChromium(chromium as string);
    engine = await startEngineProcess(home);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser.close();
    await engine.stop();
  });

  it('signs in through the one-time login URL and shows the real Docker status', async () => {
    await page.goto(engine.loginUrl);
    await expect.poll(() => page.url()).toBe(`${engine.url}/`);
    const docker = page.getByTestId('docker-status');
    await docker.waitFor();
    const expected = dockerUp ? /running/i : /not reachable/i;
    await expect.poll(() => docker.innerText(), { timeout: 10_000 }).toMatch(expected);
    if (dockerUp) {
      const info = (await (
        await fetch(`${engine.url}/api/v1/system`, {
          headers: { authorization: `Bearer ${engine.token}` },
        })
      ).json()) as {
        docker: { version: string };
      };
      expect(await docker.innerText()).toContain(info.docker.version);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
  });

  it('reaches every page from the sidebar', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of PAGES) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).first().innerText())
        .toContain(name);
      expect(await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
    }
  });

  it('keeps a changed setting across an engine restart', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    const concurrency = page.getByLabel('Concurrency');
    await concurrency.fill('11');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => {
        const res = await fetch(`${engine.url}/api/v1/settings`, {
          headers: { authorization: `Bearer ${engine.token}` },
        });
        return ((await res.json()) as { pipelines: { concurrency: number } }).pipelines.concurrency;
      })
      .toBe(11);
    await page.screenshot({ path: join(ARTIFACTS, 'settings.png'), fullPage: true });

    await engine.stop();
    engine = await startEngineProcess(home);
    await page.goto(engine.loginUrl);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await expect.poll(() => page.getByLabel('Concurrency').inputValue()).toBe('11');
  });

  it('shows the engine’s message when a setting is invalid', async () => {
    await page.getByLabel('Concurrency').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-kind').catch(() => null)).toBe('error');
    expect(await notice.innerText()).toMatch(/pipelines\.concurrency/);
    expect(await page.getByLabel('Concurrency').getAttribute('aria-invalid')).toBe('true');
  });
});
