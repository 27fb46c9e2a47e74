/**
 * The Runs tab against a real `gradlab serve` and the real engine: list, search, filter, sort, tag, rename,
 * delete with confirmation, and live rows for a run started while the page is open.
 */
import { test, expect, type Page } from '@playwright/test';
import type { LabClient } from '../../core/api/client';
import type { RunSummary } from '../../core/api/records';
import { startServedLab, type ServedLab } from './lab-server';
import { labClient, tinySpec, trainAll, waitEnded } from './lab-http';

let lab: ServedLab;
let client: LabClient;
let runs: RunSummary[];

test.beforeAll(async () => {
  lab = await startServedLab();
  client = labClient(lab);
  runs = await trainAll(client, [
    tinySpec('alpha rnn tanh', { cell: 'rnn', activation: 'tanh' }),
    tinySpec('beta lstm', { cell: 'lstm' }),
    tinySpec('gamma gru relu', { cell: 'gru', activation: 'relu' }),
  ]);
});
test.afterAll(async () => {
  await lab?.stop();
});

const table = (page: Page) => page.getByRole('table', { name: 'Runs' });
const names = async (page: Page) =>
  (await table(page).locator('tbody .run-name').allTextContents()).map((s) => s.trim());

async function openRuns(page: Page) {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await expect(table(page).locator('tbody tr').first()).toBeVisible();
}

/** Opens a filter menu (a disclosure named "<Filter> filter: …") and returns its checkbox group. */
async function filterMenu(page: Page, name: string) {
  await page
    .locator('summary')
    .filter({ hasText: new RegExp(`^${name} filter:`) })
    .click();
  return page.getByRole('group', { name });
}

test('lists every run with its columns, and searches and filters them', async ({ page }) => {
  await openRuns(page);
  const row = table(page).locator('tbody tr', { hasText: 'beta lstm' });
  await expect(row).toContainText('Adding problem');
  await expect(row).toContainText('LSTM');
  await expect(row).toContainText('completed');
  await page.screenshot({ path: '/tmp/i18n14-runs-en.png' });
  const beta = runs.find((r) => r.name === 'beta lstm');
  expect(beta?.final.loss).toBeDefined();
  await expect(row.locator('td.num').first()).toHaveText(/^\d/);
  await expect(page.getByText('1–3 of 3 runs')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search runs' }).fill('gamma');
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  expect(await names(page)).toEqual(['gamma gru relu']);
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('');
  await expect(table(page).locator('tbody tr')).toHaveCount(3);

  const cell = await filterMenu(page, 'Cell');
  await cell.getByRole('checkbox', { name: 'LSTM', exact: true }).check();
  await cell.getByRole('checkbox', { name: 'GRU', exact: true }).check();
  await expect(table(page).locator('tbody tr')).toHaveCount(2);
  expect((await names(page)).sort()).toEqual(['beta lstm', 'gamma gru relu']);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Reset filters' }).first().click();
  await expect(table(page).locator('tbody tr')).toHaveCount(3);

  await (await filterMenu(page, 'Status')).getByRole('checkbox', { name: 'failed' }).check();
  await expect(page.getByText('No runs match these filters.')).toBeVisible();
});

test('sorts by clicking the headers', async ({ page }) => {
  await openRuns(page);
  const byLoss = [...runs].sort((a, b) => (a.final.loss ?? 0) - (b.final.loss ?? 0)).map((r) => r.name);
  await table(page)
    .getByRole('button', { name: /Final loss/ })
    .click();
  await expect(table(page).locator('th[aria-sort="ascending"]')).toContainText('Final loss');
  await expect.poll(() => names(page)).toEqual(byLoss);
  await table(page)
    .getByRole('button', { name: /Final loss/ })
    .click();
  await expect(table(page).locator('th[aria-sort="descending"]')).toContainText('Final loss');
  await expect.poll(() => names(page)).toEqual([...byLoss].reverse());
  await table(page).getByRole('button', { name: /Name/ }).click();
  await expect.poll(() => names(page)).toEqual(['alpha rnn tanh', 'beta lstm', 'gamma gru relu']);
});

test('tags, notes and renames a run from its details, and filters by tag', async ({ page }) => {
  await openRuns(page);
  await page.getByRole('button', { name: 'Details of alpha rnn tanh' }).click();
  const details = page.getByRole('complementary', { name: 'Details of alpha rnn tanh' });
  await details.getByRole('combobox', { name: 'New tag' }).fill('paper, fig3');
  await details.getByRole('combobox', { name: 'New tag' }).press('Enter');
  await expect(details.getByRole('list', { name: 'Tags' })).toContainText('paper');
  await expect(table(page).locator('tbody tr', { hasText: 'alpha rnn tanh' })).toContainText('fig3');
  await details.getByRole('button', { name: 'Remove tag fig3' }).click();
  await expect(table(page).locator('tbody tr', { hasText: 'alpha rnn tanh' })).not.toContainText('fig3');

  await details.getByRole('textbox', { name: 'Note' }).fill('orthogonal init keeps the horizon long');
  await details.getByRole('button', { name: 'Save note' }).click();
  await expect(details.getByRole('status')).toHaveText('Note saved');

  await details.getByRole('textbox', { name: 'Name' }).fill('alpha renamed');
  await details.getByRole('button', { name: 'Rename' }).click();
  await expect(table(page).getByRole('button', { name: 'alpha renamed', exact: true })).toBeVisible();
  const stored = await client.getRun({ runId: runs.find((r) => r.name === 'alpha rnn tanh')?.id ?? '' });
  expect(stored).toMatchObject({
    name: 'alpha renamed',
    tags: ['paper'],
    note: 'orthogonal init keeps the horizon long',
  });

  await page.getByRole('combobox', { name: 'Filter by tag' }).fill('paper');
  await page.getByRole('combobox', { name: 'Filter by tag' }).press('Enter');
  await expect(table(page).locator('tbody tr')).toHaveCount(1);
  expect(await names(page)).toEqual(['alpha renamed']);
});

test('deletes a run only after confirmation', async ({ page }) => {
  await openRuns(page);
  await expect(table(page).locator('tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Details of gamma gru relu' }).click();
  await page.getByRole('button', { name: 'Delete run…' }).click();
  const dialog = page.getByRole('alertdialog', { name: /Delete “gamma gru relu”/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(table(page).locator('tbody tr')).toHaveCount(3);

  await page.getByRole('button', { name: 'Delete run…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete run' }).click();
  await expect(table(page).locator('tbody tr')).toHaveCount(2);
  expect(await names(page)).not.toContain('gamma gru relu');
  const left = await client.listRuns({});
  expect(left.runs.map((r) => r.name)).not.toContain('gamma gru relu');
});

test('a run started elsewhere appears live, with no reload', async ({ page }) => {
  await openRuns(page);
  const before = await table(page).locator('tbody tr').count();
  const started = await client.startRun({ spec: tinySpec('delta live', { steps: 60 }) });
  const row = table(page).locator('tbody tr', { hasText: 'delta live' });
  await expect(row).toBeVisible();
  await expect(table(page).locator('tbody tr')).toHaveCount(before + 1);
  await waitEnded(client, started.id);
  await expect(row).toContainText('completed');
  await expect(row.locator('td.num').first()).toHaveText(/^\d/);
});
