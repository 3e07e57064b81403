import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureClusterPorts } from '../../engine/src/cluster/service/cluster-service-loader.js';
import { ScriptedClusterPorts } from '../../engine/src/cluster/service/testing/scripted-cluster-ports.js';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { seriousViolations } from '../support/axe.js';
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { tempHome } from '../support/engine-process.js';
import { chromiumPath } from '../support/requirements.js';

const chromium = chromiumPath();

/**
 * The Cluster page against a real engine whose cluster service runs on scripted ports
 * (no Docker, no kind): the wizard, live install progress, health, stop/start/delete,
 * and a failure with its details and a retry.
 */
describe.skipIf(!chromium)('Cluster page', () => {
  const fakes = new ScriptedClusterPorts({ installStepMs: 600 });
  let browser: BrowserContext;
  let running: LaunchedEngine;
  let page: Page;

  beforeAll(async () => {
    configureClusterPorts(() => fakes.ports);
    browser = await launchChromium(chromium as string);
    running = await launchEngine({ home: tempHome('skiff-cluster-ui-'), port: 0 });
    page = await browser.newPage();
    await page.goto(running.createLoginUrl());
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Cluster', exact: true })
      .click();
  });

  afterAll(async () => {
    await browser.close();
    await running.stop();
    configureClusterPorts(undefined);
  });

  it('offers providers, profiles and says why GPUs are off', async () => {
    const wizard = page.getByRole('form', { name: 'Create a local cluster' });
    await wizard.waitFor();
    await expect.poll(() => wizard.getByText('found, 0.27.0').count()).toBe(1);
    expect(await wizard.getByText('not installed').count()).toBe(1);
    expect(await wizard.getByText(/needs 8 GiB memory/).count()).toBe(1);
    expect(await page.getByLabel('GPUs').isDisabled()).toBe(true);
    expect(await page.getByText(/No NVIDIA GPU detected/).count()).toBe(1);
    await page.getByTestId('preflight-checks').getByText('Docker 27 answers').waitFor();

    await page.getByLabel('k3d').check();
    await page.getByText('k3d is not installed.').waitFor();
    expect(await page.getByRole('button', { name: 'Create cluster' }).isDisabled()).toBe(true);
    await page.getByLabel('kind').check();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows failure details and retries after a failed create', async () => {
    fakes.script.set('preload', 'fail');
    await page.getByLabel('Name').fill('dev');
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await page.getByRole('heading', { name: /failed at “Preloading images”/ }).waitFor();
    expect(await page.getByText('preload failed (scripted)').count()).toBeGreaterThan(0);
    expect(await page.getByText('kind create cluster --name dev', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'cluster-error.png'), fullPage: true });

    fakes.script.delete('preload');
    await page.getByRole('button', { name: 'Retry' }).click();
    const table = page.getByRole('table', { name: 'Install progress per component' });
    await table.waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Steps' }).innerText())
      .toMatch(/… in progress Installing the platform/);
    await page.screenshot({ path: join(ARTIFACTS, 'cluster-installing.png'), fullPage: true });
    await page.getByRole('table', { name: 'Component health' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cluster-state').innerText()).toContain('Running');
  });

  it('links to the component UIs and shows health', async () => {
    const link = page.getByRole('link', { name: 'Open KFP UI' });
    expect(await link.getAttribute('href')).toBe('http://127.0.0.1:18080/');
    expect(await link.getAttribute('target')).toBe('_blank');
    const health = page.getByRole('table', { name: 'Component health' });
    expect(await health.getByRole('row').count()).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'cluster-running.png'), fullPage: true });
  });

  it('stops, starts and deletes with a confirmation', async () => {
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    expect(await page.getByTestId('cluster-state').innerText()).toContain('Stopped');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('form', { name: 'Create a local cluster' }).waitFor();
    expect(fakes.clusters.size).toBe(0);
  });
});
