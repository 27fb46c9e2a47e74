/**
 * TensorBoard in and out from the Runs tab, against a real `gradlab serve`: import a log directory written by
 * an independent encoder (Python, standard library only), see the runs as `imported`, export two of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
  execFileSync('python3', [resolve('test/fixtures/tensorboard/make_events.py'), join(lab.dir, 'logs'), 'mixed']);
});
test.afterAll(async () => {
  await lab?.stop();
});

test('imports TensorBoard logs and exports runs for TensorBoard from the Runs tab', async ({ page }) => {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('button', { name: 'Import TensorBoard logs…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import TensorBoard logs' });
  await dialog.getByLabel('Log directory on the lab host').fill(join(lab.dir, 'nope'));
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('No such directory');
  await dialog.getByLabel('Log directory on the lab host').fill(join(lab.dir, 'logs'));
  await dialog.getByLabel('Seed pattern (optional)').fill('seed=\\d+');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Imported 4 runs (340 points).');
  await page.screenshot({ path: '/tmp/gradlab-tb-import.png' });
  await dialog.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'Runs' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr', { hasText: 'tf2/train' })).toContainText('imported');

  await page.getByRole('checkbox', { name: 'Select lr=0.1,seed=1' }).check();
  await page.getByRole('checkbox', { name: 'Select lr=0.1,seed=2' }).check();
  await page.getByRole('button', { name: 'Export for TensorBoard' }).click();
  const out = page.getByRole('dialog', { name: 'Export 2 runs for TensorBoard' });
  await out.getByLabel('New log directory on the lab host').fill(join(lab.dir, 'out'));
  await out.getByRole('button', { name: 'Export' }).click();
  await expect(out.getByRole('status')).toContainText('Wrote 2 runs');
  await page.screenshot({ path: '/tmp/gradlab-tb-export.png' });
  expect(existsSync(join(lab.dir, 'out'))).toBe(true);
  expect(
    readdirSync(join(lab.dir, 'out'))
      .filter((f) => !f.startsWith('events.'))
      .sort(),
  ).toEqual(['lr=0.1,seed=1', 'lr=0.1,seed=2']);
});
