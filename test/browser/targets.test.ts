/**
 * The Kubeflow targets UI end to end in Chromium. Two Skiff engines (process executor): the
 * one whose UI is driven, and a second one whose KFP API (`/apis/v2beta1`) plays the remote
 * Kubeflow — a second engine, because pushing a pipeline to the engine that already holds
 * it would always find it there. A target is added in Settings and tested, a pipeline is
 * pushed to it (then found unchanged), run there and followed to Succeeded; a target with
 * a wrong token shows the engine's message, and secrets are only ever shown by their hint.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  containerComponent,
  param,
  pipeline,
  toYaml,
} from '../../engine/src/pipelines/dsl/index.js';
import { seriousViolations } from '../support/axe.js';
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';
import { chromiumPath } from '../support/requirements.js';

const chromium = chromiumPath();

const echo = containerComponent({
  name: 'echo-text',
  image: 'busybox',
  inputs: { text: param.string() },
  command: ({ inputs }) => ['sh', '-c', `echo "remote ${inputs.text}"`],
});
/** One quick task: what is pushed to the target and run there. */
const remoteEcho = pipeline(
  { name: 'remote-echo', inputs: { text: param.string({ default: 'hello' }) } },
  ({ inputs }) => {
    echo({ text: inputs.text });
  },
);

async function useProcessExecutor(engine: EngineProcess): Promise<void> {
  const res = await fetch(`${engine.url}/api/v1/settings`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${engine.token}`,
      'content-type': 'application/merge-patch+json',
    },
    body: JSON.stringify({ pipelines: { executor: 'process' } }),
  });
  expect(res.ok).toBe(true);
}

describe.skipIf(!chromium)('Kubeflow targets UI in Chromium', () => {
  let browser: BrowserContext;
  let local: EngineProcess;
  let remote: EngineProcess;
  let page: Page;
  const home = tempHome('skiff-ui-targets-');
  const remoteHome = tempHome('skiff-ui-targets-remote-');
  const pipelinePath = join(home, 'remote-echo.yaml');
  let remoteRunPath = '';

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const row = (name: string) =>
    page.getByTestId('targets-section').locator(`[data-testid="target-row"][data-name="${name}"]`);

  async function addTarget(name: string, url: string, token: string): Promise<void> {
    const section = page.getByTestId('targets-section');
    await section.getByTestId('target-add').click();
    const form = section.getByTestId('target-form');
    await form.getByTestId('target-name').fill(name);
    await form.getByTestId('target-url').fill(url);
    await form.getByTestId('target-auth-type').selectOption('bearer');
    await form.getByTestId('target-token').fill(token);
    await form.getByTestId('target-save').click();
    await row(name).waitFor();
    await expect.poll(() => form.count()).toBe(0);
  }

  /** Clicks Test connection on a target's row; the result's data-ok and its text. */
  async function testConnection(name: string): Promise<{ ok: string | null; text: string }> {
    await row(name).getByTestId('target-test').click();
    const result = row(name).getByTestId('target-test-result');
    await result.waitFor({ timeout: 20_000 });
    return { ok: await result.getAttribute('data-ok'), text: await result.innerText() };
  }

  beforeAll(async () => {
    writeFileSync(pipelinePath, toYaml(remoteEcho));
    browser = await launchChromium(chromium as string);
    [local, remote] = await Promise.all([startEngineProcess(home), startEngineProcess(remoteHome)]);
    await Promise.all([useProcessExecutor(local), useProcessExecutor(remote)]);
    page = await browser.newPage();
    await page.goto(local.loginUrl);
    await page.waitForURL(`${local.url}/`);
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await Promise.all([local.stop(), remote.stop()]);
  });

  it('adds a target in Settings and connects to it', async () => {
    await nav('Settings').click();
    const section = page.getByTestId('targets-section');
    await expect.poll(() => section.innerText()).toMatch(/No targets yet/);
    // The target's URL is the API's root: the client adds /apis/v2beta1.
    await addTarget('remote-skiff', remote.url, remote.token);
    await expect.poll(() => section.innerText()).toMatch(/Saved target remote-skiff/);
    expect(await row('remote-skiff').innerText()).toContain(remote.url);

    const result = await testConnection('remote-skiff');
    expect(result.ok).toBe('true');
    expect(result.text).toMatch(/Connected/);
    expect(result.text).toContain(`Connected to ${remote.url}`);
    await shot('targets-settings');
  });

  it('never shows the token back, only its last characters', async () => {
    const text = await row('remote-skiff').innerText();
    expect(text).toContain(`Auth: Bearer token (…${remote.token.slice(-4)})`);
    expect(text).not.toContain(remote.token);
    // Nor does the API the page reads, nor the edit form (its token field starts empty).
    const listed = await page.evaluate<string>(
      `fetch('/api/v1/targets').then((res) => res.text())`,
    );
    expect(listed).toContain('remote-skiff');
    expect(listed).not.toContain(remote.token);
    await row('remote-skiff').getByRole('button', { name: 'Edit remote-skiff' }).click();
    const form = page.getByTestId('target-form');
    expect(await form.getByTestId('target-token').inputValue()).toBe('');
    expect(await form.innerText()).toContain(`ends in …${remote.token.slice(-4)}`);
    expect(await page.content()).not.toContain(remote.token);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form.count()).toBe(0);
  });

  it('shows the engine’s message when the target refuses the token', async () => {
    await addTarget('wrong-token', remote.url, 'not-the-right-token-9876');
    const result = await testConnection('wrong-token');
    expect(result.ok).toBe('false');
    expect(result.text).toMatch(/Failed/);
    // The engine's message: the target refused the credentials, and how to fix that.
    expect(result.text).toMatch(/refused the credentials/);
    expect(result.text).toMatch(/update the token/);
    // The remote engine's own 401 reason comes first, then the fix, in sentences.
    expect(result.text).toMatch(/Missing or invalid token/);
    expect(result.text).not.toMatch(/\.\./);
    expect(await row('wrong-token').innerText()).toContain('Auth: Bearer token (…9876)');
    expect(await row('wrong-token').innerText()).not.toContain('not-the-right-token');
  });

  it('has no serious accessibility violations on Settings with targets', async () => {
    await page.waitForLoadState('networkidle');
    const found = (await seriousViolations(page)).map(
      (v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`,
    );
    expect(found).toEqual([]);
  });

  it('pushes a pipeline to the target, then finds it unchanged', async () => {
    await nav('Pipelines').click();
    await page.getByLabel('Pipeline file').setInputFiles(pipelinePath);
    await page.getByTestId('pipeline-list').getByRole('link', { name: 'remote-echo' }).click();
    await page.getByTestId('push-open').click();
    const dialog = page.getByTestId('push-dialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('push-target').locator('option').allInnerTexts())
      .toEqual([`remote-skiff — ${remote.url}`, `wrong-token — ${remote.url}`]);
    await dialog.getByTestId('push-target').selectOption('remote-skiff');
    await dialog.getByTestId('push-submit').click();
    const outcome = dialog.getByTestId('push-result');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('data-outcome')).toBe('pushed');
    expect(await outcome.innerText()).toMatch(/Pushed to remote-skiff/);
    const href = (await outcome.getByTestId('push-result-link').getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^${remote.url}/.*pipelines/details/[^/]+/version/[^/]+$`));
    await shot('push-dialog');

    // The remote engine holds it now.
    const listed = await fetch(`${remote.url}/apis/v2beta1/pipelines`, {
      headers: { authorization: `Bearer ${remote.token}` },
    });
    expect(await listed.text()).toContain('remote-echo');

    await dialog.getByTestId('push-submit').click();
    await expect
      .poll(() => dialog.getByTestId('push-result').getAttribute('data-outcome'), {
        timeout: 20_000,
      })
      .toBe('unchanged');
    expect(await dialog.getByTestId('push-result').innerText()).toMatch(
      /Unchanged:\s*remote-skiff already has exactly this pipeline; nothing was uploaded/,
    );
    expect(await dialog.getByTestId('push-result-link').getAttribute('href')).toBe(href);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('runs the pipeline on the target and follows the remote run to Succeeded', async () => {
    await page.getByTestId('create-run-link').click();
    await page.locator('form[aria-label="Create run"]').waitFor();
    const runOn = page.getByTestId('run-on');
    await expect
      .poll(() => runOn.locator('option').allInnerTexts())
      .toContain(`remote-skiff — ${remote.url}`);
    await runOn.selectOption('remote-skiff');
    await expect.poll(() => page.locator('#run-on-hint').innerText()).toMatch(/on the target/);
    await page.getByLabel('Run name').fill('echo on remote');
    await page.getByRole('button', { name: 'Create run' }).click();
    await expect
      .poll(() => new URL(page.url()).pathname, { timeout: 20_000 })
      .toMatch(/^\/targets\/remote-skiff\/runs\/[^/]+$/);
    remoteRunPath = new URL(page.url()).pathname;

    const state = page.getByTestId('remote-run').getByTestId('remote-run-state');
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const value = (await state.getAttribute('data-state').catch(() => null)) ?? '';
          if (value && seen.at(-1) !== value) seen.push(value);
          return value;
        },
        { timeout: 120_000, interval: 250 },
      )
      .toMatch(/^(SUCCEEDED|FAILED|CANCELED|SKIPPED)$/);
    expect(seen.at(-1)).toBe('SUCCEEDED');
    expect(await state.innerText()).toMatch(/SUCCEEDED/i);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('echo on remote');
    expect(await page.locator('main').innerText()).toContain('On target remote-skiff');
    await shot('remote-run');

    // The run is the remote engine's, not this one's.
    const runId = remoteRunPath.split('/').at(-1) ?? '';
    const there = await fetch(`${remote.url}/apis/v2beta1/runs/${runId}`, {
      headers: { authorization: `Bearer ${remote.token}` },
    });
    expect(there.status).toBe(200);
    const here = await fetch(`${local.url}/apis/v2beta1/runs/${runId}`, {
      headers: { authorization: `Bearer ${local.token}` },
    });
    expect(here.status).toBe(404);
  });

  it('has no serious accessibility violations on the remote run page', async () => {
    expect(remoteRunPath).not.toBe('');
    await page.goto(`${local.url}${remoteRunPath}`);
    await page.getByTestId('remote-run-state').waitFor();
    await page.waitForLoadState('networkidle');
    const found = (await seriousViolations(page)).map(
      (v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`,
    );
    expect(found).toEqual([]);
  });
});
