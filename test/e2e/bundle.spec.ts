/**
 * A bundle through the page against a real `gradlab serve`: Export bundle downloads the gzip bytes the lab
 * made, and Import bundle… sends a picked file back as bytes, adding its runs.
 */
import { test, expect } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { LabClient } from '../../core/api/client';
import type { RunSummary } from '../../core/api/records';
import { startServedLab, type ServedLab } from './lab-server';
import { labClient, tinySpec, trainAll } from './lab-http';

let lab: ServedLab;
let client: LabClient;
let runs: RunSummary[];

test.beforeAll(async () => {
  lab = await startServedLab();
  client = labClient(lab);
  runs = await trainAll(client, [tinySpec('bundle run')]);
});
test.afterAll(async () => {
  await lab?.stop();
});

test('exports a bundle as a download and imports it back from the file picker', async ({ page }, info) => {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.getByRole('checkbox', { name: `Select ${runs[0]!.name}` }).check();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export bundle' }).click(),
  ]);
  const path = await dl.path();
  const bytes = readFileSync(path);
  // Gzip magic, then the bundle JSON naming the run: the download is the file, not its base64 text.
  expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  expect(gunzipSync(bytes).toString('utf8')).toContain('bundle run');

  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import bundle…' }).click(),
  ]);
  await chooser.setFiles({ name: 'runs.gradlab.json.gz', mimeType: 'application/gzip', buffer: bytes });
  await expect(page.getByText('Imported 1 run from runs.gradlab.json.gz.')).toBeVisible();
  await page.screenshot({ path: info.outputPath('bundle-imported.png') });
  const { runs: after } = await client.listRuns({});
  expect(after.map((r) => r.name).sort()).toEqual(['bundle run', 'bundle run']);
  expect(after.filter((r) => r.id !== runs[0]!.id)).toHaveLength(1);
});
