import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { launchChromium } from '../support/browser.js';
import { tempHome } from '../support/engine-process.js';
import { chromiumPath } from '../support/requirements.js';

const chromium = chromiumPath();

/** A gate the test opens to move the operation to its next step. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe.skipIf(!chromium)('Overview shows operations live', () => {
  let browser: BrowserContext;
  let running: LaunchedEngine;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium(chromium as string);
    running = await launchEngine({ home: tempHome('skiff-ops-ui-'), port: 0 });
    page = await browser.newPage();
    await page.goto(running.createLoginUrl());
  });

  afterAll(async () => {
    await browser.close();
    await running.stop();
  });

  it('moves the progress bar as steps finish and cancels from the UI', async () => {
    const first = gate();
    const { operation, result } = running.engine.operations.start(
      { kind: 'test.steps', title: 'Three careful steps', steps: 3 },
      async (op) => {
        await op.step('Step one', () => first.promise);
        await op.step(
          'Step two',
          (signal) =>
            new Promise((_, reject) =>
              signal.addEventListener('abort', () => reject(new Error('stopped'))),
            ),
        );
      },
    );
    const outcome = result.catch((error: unknown) => error);
    const bar = page.getByRole('progressbar', { name: 'Progress of Three careful steps' });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');

    first.open();
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('1');
    await expect
      .poll(() => page.getByTestId('running-operations').innerText())
      .toContain('Step two');

    await page.getByRole('button', { name: 'Cancel Three careful steps' }).click();
    expect(await outcome).toMatchObject({ code: 'CANCELLED' });
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="finished-operation"][data-operation-id="${operation.id}"]`)
          .innerText(),
      )
      .toMatch(/cancel/i);
  });
});
