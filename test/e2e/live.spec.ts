/**
 * The live run view against a real `gradlab serve` and the real engine: a long run is watched while its
 * charts update and then stopped (a short one could finish between two checks on a fast machine), a short
 * one runs to completion for the probe slider, a sweep starts from the grid editor.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';
import { buildShortRun, canvas, openBuilder } from './builder-helpers';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
});
test.afterAll(async () => {
  await lab?.stop();
});

const progress = (page: Page) => page.getByRole('progressbar', { name: 'Training progress' });
const stepNow = async (page: Page) => Number((await progress(page).getAttribute('aria-valuenow')) ?? 0);
const flowStep = async (page: Page) =>
  Number(
    /training step (\d+)/.exec(
      (await page.getByRole('img', { name: 'Gradient flow' }).locator('..').textContent()) ?? '',
    )?.[1] ?? -1,
  );

test('a long run updates its charts while it trains, shows steps/s and ETA; Stop run stops it and Resume run carries on', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openBuilder(page, lab.url);
  // Long enough that it cannot finish while the page is watched, however fast the engine: it is stopped below.
  await buildShortRun(page, 100_000, 'long run to stop');
  // Profiles read off each training step's own pass, every step: the probe a researcher can leave on.
  await canvas(page).getByRole('button', { name: 'Gradient probe', exact: true }).click();
  await page.getByLabel('Probe source', { exact: true }).selectOption('train');
  await expect(page.getByLabel('Probe batch', { exact: true })).toHaveCount(0);
  await page.getByLabel('Probe every', { exact: true }).fill('1');
  await expect(page.getByText('Spec valid')).toBeVisible();
  await page.getByRole('button', { name: 'Start run' }).click();

  await expect(page.getByRole('tab', { name: 'Live run' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'long run to stop' })).toBeVisible();
  for (const name of ['Loss', 'Gradient flow', 'Gradient heatmap', 'Gradient norm', 'Gradient horizon']) {
    await expect(page.getByRole('img', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Export figure' })).toHaveCount(5);

  // While it trains: the step count, the loss curve and the probed profile all move on.
  await expect(page.locator('.status')).toHaveText('running', { timeout: 60_000 });
  await expect.poll(() => stepNow(page), { timeout: 60_000 }).toBeGreaterThan(0);
  const loss = page.getByRole('img', { name: 'Loss', exact: true });
  await expect(loss.locator('path.recharts-curve').first()).toBeVisible();
  await expect.poll(() => flowStep(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(0);
  const firstProbe = await flowStep(page);
  const firstStep = await stepNow(page);
  await expect.poll(() => flowStep(page), { timeout: 60_000 }).toBeGreaterThan(firstProbe);
  await expect.poll(() => stepNow(page), { timeout: 60_000 }).toBeGreaterThan(firstStep);
  await expect(page.locator('.progress-text')).toHaveText(/steps\/s · ETA /);
  await expect(page.getByRole('img', { name: 'Gradient flow' })).toHaveAccessibleDescription(/horizon \d+ steps/);
  await expect(page.getByText(/‖∂L\/∂hₜ‖ at training step \d+, that step’s training batch/)).toBeVisible();

  await page.getByRole('button', { name: 'Stop run' }).click();
  await expect(page.locator('.status')).toHaveText('stopped', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Stop run' })).toBeDisabled();
  await expect(page.locator('.progress-text')).not.toHaveText(/steps\/s/);
  const stoppedAt = await stepNow(page);
  expect(stoppedAt).toBeLessThan(100_000);
  // Nothing trains on after the stop.
  await page.waitForTimeout(1500);
  expect(await stepNow(page)).toBe(stoppedAt);

  // Resume run carries on from the checkpoint the stop wrote.
  await page.getByRole('button', { name: 'Resume run' }).click();
  await expect(page.locator('.status')).toHaveText(/queued|running/, { timeout: 30_000 });
  await expect.poll(() => stepNow(page), { timeout: 60_000 }).toBeGreaterThan(stoppedAt);
  await expect(page.getByRole('button', { name: 'Resume run' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop run' }).click();
  await expect(page.locator('.status')).toHaveText('stopped', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a short run completes; the profile slider walks back through its probes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openBuilder(page, lab.url);
  await buildShortRun(page, 300, 'adding T=20, H=16');
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('heading', { name: 'adding T=20, H=16' })).toBeVisible();

  await expect(page.locator('.status')).toHaveText('completed', { timeout: 120_000 });
  expect(await stepNow(page)).toBe(300);
  await expect(page.getByRole('button', { name: 'Stop run' })).toBeDisabled();
  await expect(page.locator('.progress-text')).toHaveText(/took /);
  // The RNN's theory envelope is drawn beside the measured profile.
  await expect(page.getByText(/bound ‖∂L\/∂h_T‖·γ\^\(T−t\)/)).toBeVisible();

  // An earlier probe by the slider, then back to the latest.
  const slider = page.getByLabel('Probe step');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => flowStep(page)).toBe(0);
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect.poll(() => flowStep(page)).toBe(300);

  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/live-run.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('Start sweep runs every ticked combination and follows its runs', async ({ page }) => {
  await openBuilder(page, lab.url);
  await buildShortRun(page, 40, 'tiny sweep');
  await page.getByRole('button', { name: 'Edit sweep grid' }).click();
  const grid = page.getByRole('region', { name: 'Sweep grid' });
  await grid.getByRole('checkbox', { name: 'RNN' }).check();
  await grid.getByRole('checkbox', { name: 'GRU' }).check();
  await page.getByLabel('train.seed values').fill('1 2');
  await expect(grid.getByRole('status')).toHaveText('cell × seed → 4 runs');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByRole('tab', { name: 'Live run' })).toHaveAttribute('aria-selected', 'true');
  const picker = page.getByLabel('Run of this sweep');
  await expect(picker.locator('option')).toHaveCount(4);
  await expect(page.locator('.status')).toHaveText(/running|queued|completed/);
  await picker.selectOption({ index: 3 });
  await expect(page.locator('.status')).toHaveText('completed', { timeout: 120_000 });
});
