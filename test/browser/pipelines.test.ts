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
import { ARTIFACTS, launchChromium } from '../support/browser.js';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';
import { chromiumPath } from '../support/requirements.js';

const chromium = chromiumPath();

const hello = containerComponent({
  name: 'say-hello',
  image: 'busybox',
  inputs: { text: param.string() },
  command: ({ inputs }) => ['sh', '-c', `echo "hello ${inputs.text}"`],
});
const bye = containerComponent({
  name: 'say-bye',
  image: 'busybox',
  inputs: { text: param.string() },
  command: ({ inputs }) => ['sh', '-c', `echo "bye ${inputs.text}"`],
});
const greeting = pipeline(
  { name: 'ui-greeting', inputs: { who: param.string({ default: 'world' }) } },
  ({ inputs }) => {
    hello({ text: inputs.who });
    bye({ text: inputs.who });
  },
);

describe.skipIf(!chromium)('Pipelines UI in Chromium', () => {
  let browser: BrowserContext;
  let engine: EngineProcess;
  let page: Page;
  const home = tempHome('skiff-ui-pipelines-');
  const yamlPath = join(home, 'ui-greeting.yaml');
  const badPath = join(home, 'broken.yaml');

  beforeAll(async () => {
    writeFileSync(yamlPath, toYaml(greeting));
    writeFileSync(badPath, 'pipelineInfo: [unclosed\n  name: : :\n');
    browser = await launchChromium(chromium as string);
    engine = await startEngineProcess(home);
    const res = await fetch(`${engine.url}/api/v1/settings`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${engine.token}`,
        'content-type': 'application/merge-patch+json',
      },
      body: JSON.stringify({ pipelines: { executor: 'process' } }),
    });
    expect(res.ok).toBe(true);
    page = await browser.newPage();
    await page.goto(engine.loginUrl);
    await page.waitForURL(`${engine.url}/`);
  });

  afterAll(async () => {
    await browser.close();
    await engine.stop();
  });

  it('shows the engine’s message when an upload is refused', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pipelines', exact: true })
      .click();
    await page.getByLabel('Pipeline file').setInputFiles(badPath);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-kind').catch(() => null)).toBe('error');
    const text = await notice.innerText();
    expect(text).toContain('Could not upload broken.yaml');
    // The engine's own message, naming the problem (not just the file name).
    const message = text.replace('Could not upload broken.yaml', '');
    expect(message).toMatch(/invalid YAML/);
    expect(message).toMatch(/line 1/);
  });

  it('uploads a pipeline, starts a run from its form and watches it succeed', async () => {
    await page.getByLabel('Pipeline file').setInputFiles(yamlPath);
    const list = page.getByTestId('pipeline-list');
    await list.getByRole('link', { name: 'ui-greeting' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'pipelines.png'), fullPage: true });

    await list.getByRole('link', { name: 'ui-greeting' }).click();
    const who = page.getByLabel(/^who/);
    await expect.poll(() => who.inputValue()).toBe('world');
    await who.fill('skiff ui');
    await page.getByLabel('Run name').fill('ui run');
    await page.getByRole('button', { name: 'Create run' }).click();

    await expect.poll(() => page.url()).toMatch(/\/runs\/[^/]+$/);
    const state = page.getByTestId('run-state');
    await expect
      .poll(() => state.innerText().catch(() => ''), { timeout: 60_000 })
      .toMatch(/succeeded/i);
    const tasks = page.getByTestId('task-list');
    await tasks.getByRole('button', { name: 'say-hello' }).waitFor();
    await tasks.getByRole('button', { name: 'say-bye' }).waitFor();

    await tasks.getByRole('button', { name: 'say-hello' }).click();
    const logs = page.getByTestId('task-logs');
    await expect
      .poll(() => logs.innerText().catch(() => ''), { timeout: 15_000 })
      .toContain('hello skiff ui');
    await page.screenshot({ path: join(ARTIFACTS, 'run-detail.png'), fullPage: true });
  });

  it('lists the run on the Runs page with its state', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Runs', exact: true })
      .click();
    const row = page.getByTestId('run-list').getByRole('row', { name: /ui run/ });
    await expect.poll(() => row.innerText().catch(() => '')).toMatch(/Succeeded/);
    expect(await row.innerText()).toContain('ui-greeting');
  });

  it('uploads a pipeline dropped on the page', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pipelines', exact: true })
      .click();
    const yaml = toYaml(greeting);
    // A string expression: the test project has no DOM types, the page has DataTransfer.
    const transfer = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(yaml)}], 'dropped-greeting.yaml'));
      return data;
    })()`);
    await page.getByTestId('upload-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page
      .getByTestId('pipeline-list')
      .getByRole('link', { name: 'dropped-greeting' })
      .waitFor();
  });
});
