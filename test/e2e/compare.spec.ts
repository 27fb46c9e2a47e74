/**
 * The Compare tab against a real `gradlab serve` and the real engine: runs picked with their `Select <name>`
 * boxes, overlaid curves and gradient profiles, seed bands, smoothing, axes, and the differing-fields table.
 */
import { test, expect, type Page } from '@playwright/test';
import type { LabClient } from '../../core/api/client';
import { startServedLab, type ServedLab } from './lab-server';
import { labClient, tinySpec, trainAll } from './lab-http';

let lab: ServedLab;
let client: LabClient;

test.beforeAll(async () => {
  lab = await startServedLab();
  client = labClient(lab);
  await trainAll(client, [
    tinySpec('rnn tanh seed 1', { activation: 'tanh', seed: 1, steps: 150 }),
    tinySpec('rnn tanh seed 2', { activation: 'tanh', seed: 2, steps: 150 }),
    tinySpec('rnn relu seed 1', { activation: 'relu', seed: 1, steps: 150 }),
  ]);
});
test.afterAll(async () => {
  await lab?.stop();
});

const chart = (page: Page, name: string) => page.getByRole('img', { name, exact: true });
const lines = (page: Page, name: string) => chart(page, name).locator('.recharts-line-curve');
const diffRows = (page: Page) => page.getByRole('table', { name: 'Spec fields that differ' }).locator('tbody tr');

async function compareFromRuns(page: Page, names: string[]) {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
}

test('ticked runs open in Compare with overlaid curves, profiles and the fields that differ', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await compareFromRuns(page, ['rnn tanh seed 1', 'rnn relu seed 1']);

  for (const name of ['Loss', 'Gradient norm', 'Gradient flow', 'Gradient horizon'])
    await expect(chart(page, name)).toBeVisible();
  // Train and held-out loss for each run: four curves, each a real path.
  await expect(lines(page, 'Loss')).toHaveCount(4);
  for (const d of await lines(page, 'Loss').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
    expect(d.length).toBeGreaterThan(50);
  await expect(lines(page, 'Gradient norm')).toHaveCount(2);
  await expect(lines(page, 'Gradient flow')).toHaveCount(2);
  await expect(lines(page, 'Gradient horizon')).toHaveCount(2);
  const legend = page.getByRole('region', { name: 'Loss' }).locator('.chart-legend');
  await expect(legend).toContainText('rnn tanh seed 1, train');
  await expect(legend).toContainText('rnn relu seed 1, held-out');

  // Only what differs: the activation (names aside); the seed and the cell are the same.
  const rows = diffRows(page);
  await expect(rows.filter({ hasText: 'model.activation' })).toContainText('tanh');
  await expect(rows.filter({ hasText: 'model.activation' })).toContainText('ReLU');
  await page.screenshot({ path: '/tmp/i18n14-compare-en.png', fullPage: true });
  await expect(rows.filter({ hasText: 'train.seed' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'model.cell' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'final loss' })).toBeVisible();

  // Held-out off: one curve per run.
  await page.getByRole('region', { name: 'Loss' }).getByRole('checkbox', { name: 'Held-out' }).uncheck();
  await expect(lines(page, 'Loss')).toHaveCount(2);

  // Smoothing changes the drawn curve; wall time relabels the x axis.
  const before = await lines(page, 'Loss').first().getAttribute('d');
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.9');
  await expect.poll(() => lines(page, 'Loss').first().getAttribute('d')).not.toBe(before);
  await page.getByRole('radio', { name: 'Wall time' }).check();
  await expect(chart(page, 'Loss')).toContainText('wall time (s)');
  await page.getByRole('radio', { name: 'Step' }).check();
  await expect(chart(page, 'Loss')).toContainText('training step');

  // Log y on the loss: decade ticks.
  await page.getByRole('region', { name: 'Loss' }).getByRole('checkbox', { name: 'Log y' }).check();
  const yTicks = chart(page, 'Loss').locator('text.recharts-cartesian-axis-tick-value[orientation="left"]');
  await expect
    .poll(async () =>
      (await yTicks.allTextContents()).every((t) => Number.isInteger(Math.log10(Number(t.replace('−', '-'))))),
    )
    .toBe(true);
  expect(await yTicks.count()).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});

test('seeds of one spec pool into a mean ± std band; the screenshot for the README', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1150 });
  await compareFromRuns(page, ['rnn tanh seed 1', 'rnn relu seed 1']);
  await page.getByRole('searchbox', { name: 'Add a run to the comparison' }).fill('tanh seed 2');
  await page
    .getByRole('list', { name: 'Matching runs' })
    .getByRole('button', { name: /rnn tanh seed 2/ })
    .click();
  await expect(page.getByRole('list', { name: 'Runs in this comparison' }).getByRole('listitem')).toHaveCount(3);
  await expect(lines(page, 'Gradient norm')).toHaveCount(3);
  await expect(diffRows(page).filter({ hasText: 'train.seed' })).toBeVisible();

  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.6');
  await page.screenshot({ path: 'docs/screenshots/compare.png', fullPage: true });

  await page.getByRole('combobox', { name: 'Seeds' }).selectOption('std');
  // Two groups: the tanh seeds (with a band) and the relu run.
  await expect(lines(page, 'Gradient norm')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Loss' }).locator('.chart-legend')).toContainText(
    'activation=tanh (n = 2)',
  );
  await expect(page.getByRole('region', { name: 'Loss' }).locator('.chart-legend')).toContainText(
    'activation=relu (n = 1)',
  );
  await expect(chart(page, 'Loss').locator('.recharts-area-area')).not.toHaveCount(0);
  await page.getByRole('combobox', { name: 'Seeds' }).selectOption('minmax');
  await expect(chart(page, 'Gradient flow').locator('.recharts-area-area')).not.toHaveCount(0);
  await page.getByRole('combobox', { name: 'Seeds' }).selectOption('none');
});

test('Compare with nothing selected says what to do', async ({ page }) => {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByText('Nothing to compare yet')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Add a run to the comparison' })).toBeVisible();
});

test('the selection is one state: runs ticked in Runs show in the Compare tab, and a run removed there is unticked in Runs', async ({
  page,
}) => {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  for (const n of ['rnn tanh seed 1', 'rnn relu seed 1'])
    await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  // The tab, not the button beside the selection.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByText('Nothing to compare yet')).toHaveCount(0);
  const chips = page.getByRole('list', { name: 'Runs in this comparison' });
  await expect(chips).toContainText('rnn tanh seed 1');
  await expect(chips).toContainText('rnn relu seed 1');
  await expect(lines(page, 'Gradient norm')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/core15-compare-tab-selection.png' });

  await page.getByRole('button', { name: 'Remove rnn relu seed 1 from comparison' }).click();
  await expect(lines(page, 'Gradient norm')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(page.getByRole('checkbox', { name: 'Select rnn relu seed 1' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Select rnn tanh seed 1' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Selected runs' })).toContainText('1 run selected');
});
