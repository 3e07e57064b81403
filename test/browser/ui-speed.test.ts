/**
 * The speed figures of the pipelines UI, measured in Chromium with performance marks the
 * pages set: the Runs page with 10,000 runs stored, the detail of a 200-task run, and the
 * JavaScript a first visit loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, containerComponent, pipeline } from '../../engine/src/pipelines/dsl/index.js';
import { launchChromium } from '../support/browser.js';
import { startEngineProcess, tempHome, type EngineProcess } from '../support/engine-process.js';
import { chromiumPath } from '../support/requirements.js';
import { seedFinishedRuns } from '../support/seed-runs.js';

const chromium = chromiumPath();
const DIST = fileURLToPath(new URL('../../renderer/dist/', import.meta.url));
const SEEDED_RUNS = 10_000;
const WIDE_TASKS = 200;

const noop = containerComponent({ name: 'noop', image: 'busybox', command: () => ['true'] });
/** 200 no-op tasks in 20 chains of 10: a wide graph and a long task list. */
const wide = pipeline({ name: 'two-hundred-tasks' }, () => {
  for (let chain = 0; chain < WIDE_TASKS / 10; chain++) {
    let previous = noop({});
    for (let step = 1; step < 10; step++) previous = noop({}).after(previous);
  }
});

/** Milliseconds between the mark set before navigating and the mark the page sets. */
async function sinceNavigation(page: Page, mark: string): Promise<number> {
  // Polled with evaluate (DevTools), not waitForFunction: the UI's CSP forbids eval.
  await expect
    .poll(() => page.evaluate(`performance.getEntriesByName(${JSON.stringify(mark)}).length`), {
      timeout: 10_000,
      interval: 20,
    })
    .toBeGreaterThan(0);
  return page.evaluate(`(() => {
    const start = performance.getEntriesByName('skiff-test:navigate').at(-1).startTime;
    return performance.getEntriesByName(${JSON.stringify(mark)}).at(-1).startTime - start;
  })()`);
}

async function navigateInApp(page: Page, href: string): Promise<void> {
  await page.evaluate(`performance.clearMarks(); performance.mark('skiff-test:navigate')`);
  // A link click, as a user navigates: the router loads the page's chunk and its data.
  await page.evaluate(`(() => {
    const link = document.createElement('a');
    link.href = ${JSON.stringify(href)};
    document.body.append(link);
    link.click();
    link.remove();
  })()`);
}

describe.skipIf(!chromium)('Pipelines UI speed', () => {
  let browser: BrowserContext;
  let engine: EngineProcess;
  let page: Page;
  const scripts = new Set<string>();

  beforeAll(async () => {
    const home = tempHome('skiff-ui-speed-');
    seedFinishedRuns(join(home, 'skiff.db'), compile(wide), SEEDED_RUNS);
    engine = await startEngineProcess(home);
    const patched = await fetch(`${engine.url}/api/v1/settings`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${engine.token}`,
        'content-type': 'application/merge-patch+json',
      },
      body: JSON.stringify({ pipelines: { executor: 'process', concurrency: 8 } }),
    });
    expect(patched.ok).toBe(true);
    browser = await launchChromium(chromium as string);
    page = await browser.newPage();
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.endsWith('.js')) scripts.add(pathname);
    });
    await page.goto(engine.loginUrl);
    await page.waitForURL(`${engine.url}/`);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await engine.stop();
  });

  it('loads at most 250 KB of gzipped JavaScript on a first visit', () => {
    const gzipped = [...scripts].reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length,
      0,
    );
    console.log(`[figure] first-load JS: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(250 * 1024);
  });

  it(`shows the first page of ${SEEDED_RUNS} runs within 300 ms of navigating`, async () => {
    // Three visits (the first also loads the page's code); the median is the figure, as
    // one sample on a shared machine says little.
    const samples: number[] = [];
    for (let visit = 0; visit < 3; visit++) {
      await navigateInApp(page, '/');
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      await navigateInApp(page, '/runs');
      samples.push(await sinceNavigation(page, 'runs-page:first-page'));
    }
    const median = [...samples].sort((a, b) => a - b)[1] ?? Infinity;
    console.log(
      `[figure] runs page, ${SEEDED_RUNS} runs: first page after ${median.toFixed(0)} ms ` +
        `(median; visits ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
    );
    expect(await page.getByTestId('run-list').locator('[data-run-id]').count()).toBeGreaterThan(0);
    expect(median).toBeLessThanOrEqual(300);
  });

  it(`renders the detail of a ${WIDE_TASKS}-task run within 500 ms`, async () => {
    const headers = { authorization: `Bearer ${engine.token}`, 'content-type': 'application/json' };
    const created = (await (
      await fetch(`${engine.url}/apis/v2beta1/runs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ display_name: 'wide run', pipeline_spec: compile(wide) }),
      })
    ).json()) as { run_id: string };
    await expect
      .poll(
        async () => {
          const res = await fetch(`${engine.url}/apis/v2beta1/runs/${created.run_id}`, { headers });
          return ((await res.json()) as { state: string }).state;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe('SUCCEEDED');
    // Rendered = the graph's nodes are in the page (observed as they appear, so the
    // figure can only err on the slow side).
    const watching = page.evaluate(`new Promise((resolve) => {
      const done = () => document.querySelectorAll('[data-testid="graph-node"]').length >= ${WIDE_TASKS / 10};
      const since = () => performance.now() - performance.getEntriesByName('skiff-test:navigate').at(-1).startTime;
      const observer = new MutationObserver(() => {
        if (document.location.pathname.startsWith('/runs/') && done()) {
          observer.disconnect();
          resolve(since());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    })`);
    await navigateInApp(page, `/runs/${created.run_id}`);
    const elapsed = (await watching) as number;
    console.log(
      `[figure] run detail, ${WIDE_TASKS} tasks: rendered after ${elapsed.toFixed(0)} ms`,
    );
    expect(elapsed).toBeLessThanOrEqual(500);
  });
});
