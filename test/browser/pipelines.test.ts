/**
 * The pipelines UI end to end in Chromium against a real engine (process executor): the
 * scikit-learn example uploaded, run with a changed parameter and watched live, its logs
 * and metrics, two runs compared, a recurring run, and the bad-input cases. Screenshots
 * of the main pages go to test-artifacts/.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
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
import { hostPythonBin } from '../support/python-peers.js';
import { chromiumPath } from '../support/requirements.js';

const chromium = chromiumPath();
const IRIS = fileURLToPath(new URL('../../examples/sklearn-iris/pipeline.yaml', import.meta.url));

const hello = containerComponent({
  name: 'say-hello',
  image: 'busybox',
  inputs: { text: param.string() },
  command: ({ inputs }) => ['sh', '-c', `echo "hello ${inputs.text}"`],
});
/** A pipeline of one quick task: what the recurring run triggers. */
const greeting = pipeline(
  { name: 'ui-greeting', inputs: { who: param.string({ default: 'world' }) } },
  ({ inputs }) => {
    hello({ text: inputs.who });
  },
);

/** An attribute of every element the locator matches, in document order. */
async function attributes(locator: Locator, name: string): Promise<string[]> {
  const values: string[] = [];
  for (const element of await locator.all()) values.push((await element.getAttribute(name)) ?? '');
  return values;
}

describe.skipIf(!chromium)('Pipelines UI in Chromium', () => {
  let browser: BrowserContext;
  let engine: EngineProcess;
  let page: Page;
  const home = tempHome('skiff-ui-pipelines-');
  const greetingPath = join(home, 'ui-greeting.yaml');
  const badPath = join(home, 'broken.yaml');
  // The UI names an upload after its file, as KFP's does.
  const irisPath = join(home, 'sklearn-iris.yaml');
  const runIds: string[] = [];

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function openIrisPipeline(): Promise<void> {
    await nav('Pipelines').click();
    await page.getByTestId('pipeline-list').getByRole('link', { name: 'sklearn-iris' }).click();
    await page.getByTestId('create-run-link').click();
    await page.locator('form[aria-label="Create run"]').waitFor();
  }

  /** Waits on the run page until the run ends; returns every run state seen on the way. */
  async function watchRunToEnd(): Promise<string[]> {
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/runs\/[^/?]+(\?|$)/);
    runIds.push(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    const state = page.getByTestId('run-state');
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const text = (await state.innerText().catch(() => '')).trim();
          if (text && seen.at(-1) !== text) seen.push(text);
          return text;
        },
        { timeout: 180_000, interval: 100 },
      )
      .toMatch(/succeeded|failed/i);
    return seen;
  }

  beforeAll(async () => {
    writeFileSync(greetingPath, toYaml(greeting));
    copyFileSync(IRIS, irisPath);
    writeFileSync(badPath, 'pipelineInfo: [unclosed\n  name: : :\n');
    browser = await launchChromium(chromium as string);
    // The example's steps import scikit-learn: the host Python with it goes first on PATH.
    const python = hostPythonBin();
    const env: Record<string, string> = python
      ? { PATH: `${python}${delimiter}${process.env.PATH ?? ''}` }
      : {};
    engine = await startEngineProcess(home, env);
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
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await engine.stop();
  });

  it('shows the engine’s message when an upload is refused', async () => {
    await nav('Pipelines').click();
    await page.getByLabel('Pipeline file').setInputFiles(badPath);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.getAttribute('data-kind').catch(() => null)).toBe('error');
    const message = (await notice.innerText()).replace('Could not upload broken.yaml', '');
    // The engine's own message, naming the problem (not just the file name).
    expect(message).toMatch(/invalid YAML/);
    expect(message).toMatch(/line 1/);
  });

  it('uploads the scikit-learn example and previews its graph', async () => {
    await page.getByLabel('Pipeline file').setInputFiles(irisPath);
    const link = page.getByTestId('pipeline-list').getByRole('link', { name: 'sklearn-iris' });
    await link.waitFor();
    await shot('pipelines');
    await link.click();
    const graph = page.getByTestId('pipeline-graph');
    await graph.getByTestId('graph-node').first().waitFor();
    const names = await attributes(graph.getByTestId('graph-node'), 'data-task-name');
    expect(names.sort()).toEqual(['evaluate-model', 'load-iris', 'split-dataset', 'train-model']);
  });

  it('stops a wrongly typed parameter in the form', async () => {
    await openIrisPipeline();
    await page.getByLabel(/^c /).fill('not a number');
    await page.getByRole('button', { name: 'Create run' }).click();
    await expect.poll(() => page.getByTestId('field-error').first().innerText()).toMatch(/\bc\b/);
    expect(page.url()).toContain('/runs/new');
  });

  it('runs the example with a changed parameter and watches the graph reach Succeeded', async () => {
    await page.getByLabel(/^c /).fill('0.05');
    await page.getByLabel('Run name').fill('iris c=0.05');
    await page.getByRole('button', { name: 'Create run' }).click();
    const graph = page.getByTestId('pipeline-graph');
    const nodeStates = new Set<string>();
    const watching = (async () => {
      for (let i = 0; i < 1000 && runIds.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      while (!nodeStates.has('done')) {
        const states = await attributes(graph.getByTestId('graph-node'), 'data-state').catch(
          () => [],
        );
        for (const state of states) nodeStates.add(state.toUpperCase());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const seen = await watchRunToEnd();
    nodeStates.add('done');
    await watching;
    expect(seen.at(-1)).toMatch(/succeeded/i);
    // Live: the page showed the run before it ended and moved on without a reload.
    expect(seen.length).toBeGreaterThan(1);
    expect([...nodeStates]).toContain('RUNNING');
    await expect
      .poll(() => attributes(graph.getByTestId('graph-node'), 'data-state'))
      .toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  it('shows a task’s logs, its metrics, ROC curve and confusion matrix', async () => {
    await page
      .getByTestId('pipeline-graph')
      .locator('[data-testid="graph-node"][data-task-name="evaluate-model"]')
      .click();
    const panel = page.getByTestId('task-panel');
    await panel.getByTestId('task-tab-logs').click();
    await expect
      .poll(() => panel.getByTestId('task-logs').innerText(), { timeout: 15_000 })
      .toMatch(/accuracy \d\.\d{3}, f1/);
    await panel.getByTestId('task-tab-visualizations').click();
    await expect.poll(() => panel.getByTestId('metrics-table').innerText()).toMatch(/accuracy/);
    await panel.getByTestId('roc-curve').waitFor();
    await panel.getByTestId('confusion-matrix').waitFor();
    expect(await panel.getByTestId('confusion-matrix').innerText()).toMatch(/setosa/);
    await shot('run-detail');
  });

  it('moves through the graph and the task panel by keyboard', async () => {
    const graph = page.getByTestId('pipeline-graph');
    await graph.locator('[data-testid="graph-node"][data-task-name="evaluate-model"]').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const title = page.locator('#task-title');
    await expect.poll(() => title.innerText()).toMatch(/train-model|split-dataset/);
    await page.getByTestId('task-tab-overview').click();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('task-tab-io').getAttribute('aria-selected'))
      .toBe('true');
  });

  it('compares two runs with different parameters', async () => {
    await page.getByTestId('run-clone').click();
    await page.locator('form[aria-label="Create run"]').waitFor();
    await expect.poll(() => page.getByLabel(/^c /).inputValue()).toBe('0.05');
    await page.getByLabel(/^c /).fill('1');
    await page.getByLabel('Run name').fill('iris c=1');
    await page.getByRole('button', { name: 'Create run' }).click();
    expect((await watchRunToEnd()).at(-1)).toMatch(/succeeded/i);

    await nav('Runs').click();
    for (const name of ['iris c=0.05', 'iris c=1']) {
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    }
    await page
      .getByRole('toolbar', { name: 'Actions on selected runs' })
      .getByRole('button', { name: 'Compare' })
      .click();
    const diff = page.getByTestId('parameter-diff');
    await expect.poll(() => diff.innerText().catch(() => '')).toMatch(/\bc\b/);
    const differing = await diff.locator('[data-differs="true"]').allInnerTexts();
    expect(differing.join('\n')).toMatch(/0\.05[\s\S]*1|1[\s\S]*0\.05/);
    const metrics = page.getByTestId('metrics-table');
    await expect.poll(() => metrics.innerText().catch(() => '')).toMatch(/accuracy/);
    const header = await metrics.locator('th').allInnerTexts();
    expect(header.join(' ')).toContain('iris c=0.05');
    expect(header.join(' ')).toContain('iris c=1');
    await shot('compare');
  });

  it('says which cron field is wrong', async () => {
    await openIrisPipeline();
    await page.getByRole('radio', { name: 'Recurring' }).check();
    await page.getByLabel('Recurring run name').fill('bad cron');
    await page.getByRole('radio', { name: 'Cron' }).check();
    await page.getByLabel('Cron expression').fill('0 0 25 * * *');
    await page.getByRole('button', { name: 'Create recurring run' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('trigger-cron-error')
          .innerText()
          .catch(() => ''),
      )
      .toMatch(/field 3 \(hour\)/);
  });

  it('triggers a recurring run every 2 s until it is disabled', async () => {
    await nav('Pipelines').click();
    await page.getByLabel('Pipeline file').setInputFiles(greetingPath);
    await page.getByTestId('pipeline-list').getByRole('link', { name: 'ui-greeting' }).click();
    await page.getByTestId('create-run-link').click();
    await page.getByRole('radio', { name: 'Recurring' }).check();
    await page.getByLabel('Recurring run name').fill('every two seconds');
    await page.getByRole('radio', { name: 'Interval' }).check();
    await page.getByLabel('Every').fill('2');
    await page.getByLabel('Unit').selectOption('seconds');
    await page.getByLabel('Max concurrency').fill('1');
    await page.getByRole('button', { name: 'Create recurring run' }).click();
    await expect.poll(() => page.url()).toMatch(/\/recurring-runs\/[^/]+$/);

    const count = async () => Number(await page.getByTestId('triggered-count').innerText());
    await expect.poll(count, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const toggle = page.getByRole('switch', { name: 'Enable every two seconds' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const afterDisable = await count();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await count()).toBe(afterDisable);
  });

  it('uploads a pipeline dropped on the page', async () => {
    await nav('Pipelines').click();
    const yaml = toYaml(greeting).replace('name: ui-greeting', 'name: dropped-greeting');
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

  it('has no serious accessibility violations on the main pages', async () => {
    const [first, second] = runIds;
    const pages = [
      '/',
      '/pipelines',
      '/runs',
      `/runs/${first}`,
      `/compare?runs=${first},${second}`,
      '/runs/new',
      '/experiments',
      '/recurring-runs',
    ];
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${engine.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page)) {
        found.push(`${path}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });
});
