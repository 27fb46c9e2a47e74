/**
 * Issue 13's walk: 20 runs ticked in Runs, Compare, Export figure → PNG at single-column size. The legend
 * must fit (no "does not fit" error), the PNG is 3.5 in × 300 dpi wide, and the files are kept under /tmp
 * for a person to look at.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import type { LabClient } from '../../core/api/client';
import type { RunSummary } from '../../core/api/records';
import { startServedLab, type ServedLab } from './lab-server';
import { labClient, tinySpec, trainAll } from './lab-http';

let lab: ServedLab;
let client: LabClient;
let runs: RunSummary[];

test.beforeAll(async () => {
  test.setTimeout(600_000);
  lab = await startServedLab();
  client = labClient(lab);
  const cells = ['rnn', 'lstm', 'gru'] as const;
  const specs = Array.from({ length: 20 }, (_, k) =>
    tinySpec(`adding ${cells[k % 3]} tanh seed ${k + 1}`, { cell: cells[k % 3], seed: k + 1, steps: 40 }),
  );
  runs = [];
  // Five at a time: the machine is shared.
  for (let i = 0; i < specs.length; i += 5) runs.push(...(await trainAll(client, specs.slice(i, i + 5))));
});
test.afterAll(async () => {
  await lab?.stop();
});

test('a 20-run loss figure at single-column size keeps its legend on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  for (const r of runs) await page.getByRole('checkbox', { name: `Select ${r.name}`, exact: true }).check();
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const loss = page.getByRole('region', { name: 'Loss' });
  await expect(loss.locator('.recharts-line-curve')).toHaveCount(40, { timeout: 60_000 });
  console.log(`Compare of 20 runs (train + held-out) drawn ${Date.now() - t0} ms after the click`);
  // Twenty train curves (held-out off): twenty legend entries. As in the exported figure, the words every
  // name shares ("adding") go to the caption line and each entry keeps what differs.
  await loss.getByRole('checkbox', { name: 'Held-out' }).uncheck();
  const legend = loss.locator('.chart-legend');
  await expect(legend.locator('.legend-caption')).toHaveText('adding');
  await expect(legend.getByRole('button')).toHaveCount(20);
  await expect(loss.getByRole('button', { name: 'lstm tanh seed 20', exact: true })).toBeVisible();
  // Past the eighth run colours repeat: those entries carry their curve's marker, as the figure's do.
  const samples = legend.getByRole('button').locator('svg');
  await expect(samples.nth(7).locator('path')).toHaveCount(0);
  await expect(samples.nth(8).locator('path')).toHaveCount(1);
  const styles = await samples.evaluateAll((svgs) =>
    svgs.map((svg) => {
      const line = svg.querySelector('line');
      return `${line?.getAttribute('stroke')}|${line?.getAttribute('stroke-dasharray')}|${svg.querySelector('path')?.getAttribute('d')?.slice(0, 3) ?? ''}`;
    }),
  );
  expect(new Set(styles).size).toBe(20);
  await page.screenshot({ path: '/tmp/charts-compare-20.png', fullPage: true });
  // A legend entry hides its curve and shows it again.
  await loss.getByRole('button', { name: 'rnn tanh seed 1', exact: true }).click();
  await expect(loss.locator('.recharts-line-curve')).toHaveCount(19);
  await loss.getByRole('button', { name: 'rnn tanh seed 1', exact: true }).click();
  await expect(loss.locator('.recharts-line-curve')).toHaveCount(20);
  await loss.getByRole('button', { name: 'Export figure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export figure: Loss' });
  await expect(dialog.getByRole('img', { name: /Preview of the exported/ })).toHaveAttribute(
    'src',
    /^data:image\/svg\+xml;base64,/,
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await page.screenshot({ path: '/tmp/shared-export-dialog-20.png' });
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save PNG' }).click(),
  ]);
  const png = readFileSync(await dl.path());
  writeFileSync('/tmp/shared-loss-20.png', png);
  expect(png.readUInt32BE(16)).toBe(1050);
  expect(png.readUInt32BE(20)).toBe(788);
});

test('the live view of one of the twenty runs draws all its charts', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  const run = runs[8]!;
  await page.getByRole('button', { name: run.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: run.name })).toBeVisible();
  for (const name of ['Loss', 'Gradient flow', 'Gradient heatmap', 'Gradient norm', 'Gradient horizon'])
    await expect(page.getByRole('img', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Loss', exact: true }).locator('.recharts-line-curve')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/charts-live.png', fullPage: true });
});
