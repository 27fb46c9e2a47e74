/**
 * The Builder against a real `gradlab serve`: blocks dragged with the mouse and with the keyboard alone
 * (dnd-kit's keyboard sensor), the host's field messages, presets, and the spec as JSON.
 */
import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';
import { addLayerSlot, block, canvas, keyboardDrag, layer, mouseDrag, openBuilder, setField } from './builder-helpers';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
});
test.afterAll(async () => {
  await lab?.stop();
});

test('builds a GRU model by dragging blocks with the mouse', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openBuilder(page, lab.url);

  // A cell dropped on the existing layer switches it; dropped on the "add" slot it adds a layer.
  await mouseDrag(page, block(page, 'GRU'), layer(page, 1));
  await expect(layer(page, 1)).toHaveAccessibleDescription(/GRU/);
  await mouseDrag(page, block(page, 'GRU'), addLayerSlot(page));
  await expect(layer(page, 2)).toHaveAccessibleDescription(/GRU/);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('2');

  await mouseDrag(page, block(page, 'ReLU'), layer(page, 2));
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('relu');
  await mouseDrag(page, block(page, 'He'), layer(page, 1));
  await expect(page.getByLabel('Recurrent init', { exact: true })).toHaveValue('he_normal');
  await mouseDrag(page, block(page, 'Copy memory'), canvas(page));
  await expect(page.getByLabel('Task type', { exact: true })).toHaveValue('copy');
  await mouseDrag(page, block(page, 'Clip by norm'), canvas(page));
  await expect(canvas(page).getByRole('button', { name: 'Clipping', exact: true })).toHaveAccessibleDescription(
    /Clip by norm/,
  );
  await mouseDrag(page, block(page, 'RMSprop'), canvas(page));
  await expect(canvas(page).getByRole('button', { name: 'Training', exact: true })).toHaveAccessibleDescription(
    /RMSprop/,
  );

  // The cell switch of existing layers is said, not silent.
  await mouseDrag(page, block(page, 'LSTM'), addLayerSlot(page));
  await expect(canvas(page).getByRole('status')).toContainText('switched from GRU to LSTM');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('2');
  // The added third layer was selected; after Undo the inspector names a layer that exists.
  await expect(page.getByRole('complementary', { name: /^Layer/ }).getByRole('heading', { level: 2 })).toHaveText(
    'Layer 2 of 2',
  );

  // Removing a layer decrements model.layers; the last one cannot go.
  await canvas(page).getByRole('button', { name: 'Remove Layer 2' }).click();
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('1');
  await expect(canvas(page).getByRole('button', { name: 'Remove Layer 1' })).toBeDisabled();
  await mouseDrag(page, block(page, 'GRU'), addLayerSlot(page));

  await expect(page.getByText('Spec valid')).toBeVisible();
  await page.getByRole('button', { name: 'Spec JSON…' }).click();
  const json = JSON.parse(await page.getByLabel('Spec JSON').inputValue()) as {
    model: { cell: string; layers: number; activation: string; init: { recurrent: string } };
    task: { kind: string };
    train: { optimizer: string; clip: { mode: string } };
  };
  expect(json.model).toMatchObject({ cell: 'gru', layers: 2, activation: 'relu', init: { recurrent: 'he_normal' } });
  expect(json.task.kind).toBe('copy');
  expect(json.train).toMatchObject({ optimizer: 'rmsprop', clip: { mode: 'norm' } });
  await page.getByRole('button', { name: 'Close' }).click();

  await canvas(page).getByRole('button', { name: 'Layer 1', exact: true }).click();
  await page.getByRole('button', { name: 'Edit sweep grid' }).click();
  await page.getByRole('region', { name: 'Sweep grid' }).getByRole('checkbox', { name: 'GRU' }).check();
  await page.getByRole('region', { name: 'Sweep grid' }).getByRole('checkbox', { name: 'LSTM' }).check();
  await page.getByLabel('train.seed values').fill('1, 2, 3');
  await expect(page.getByRole('region', { name: 'Sweep grid' }).getByRole('status')).toHaveText('cell × seed → 6 runs');
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/builder.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a cell drag shows its two targets with the outcome of each, and mid-canvas it adds no layer', async ({
  page,
}) => {
  await openBuilder(page, lab.url);
  await mouseDrag(page, block(page, 'GRU'), addLayerSlot(page));
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('2');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('1');

  // Pick up LSTM and hold it over the middle of the canvas (the flow arrow between task and layers).
  const src = await block(page, 'LSTM').boundingBox();
  const mid = await canvas(page).getByText('↓ xₜ').boundingBox();
  if (!src || !mid) throw new Error('not visible');
  await page.mouse.move(src.x + src.width / 2, src.y + src.height / 2);
  await page.mouse.down();
  await page.mouse.move(src.x + src.width / 2 + 12, src.y + src.height / 2, { steps: 3 });
  await page.mouse.move(mid.x + mid.width / 2, mid.y + mid.height / 2, { steps: 15 });
  const replace = canvas(page).locator('.replace-cell');
  const add = canvas(page).locator('.add-layer');
  await expect(replace).toContainText('Replace the cell');
  await expect(replace).toContainText('1 × LSTM (now 1 × RNN)');
  await expect(add).toContainText('Add a layer');
  await expect(add).toContainText('2 × LSTM (now 1 × RNN)');
  await expect(page.getByText('Drop on “Replace the cell” or “Add a layer” to use LSTM')).toBeVisible();
  await page.screenshot({ path: '/tmp/core15-cell-drag-mid.png' });
  // Over the replace target the preview says what the drop does.
  const r = await replace.boundingBox();
  if (!r) throw new Error('replace target not visible');
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 8 });
  await expect(page.getByText('Make every layer LSTM', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/core15-cell-drag-replace.png' });
  // Back to mid-canvas and drop: nothing changes (no layer added).
  await page.mouse.move(mid.x + mid.width / 2, mid.y + mid.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(replace).toHaveCount(0);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('1');
  await expect(layer(page, 1)).toHaveAccessibleDescription(/RNN/);

  // Dropped on the replace target: an LSTM, still one layer.
  await mouseDrag(page, block(page, 'LSTM'), layer(page, 1));
  await expect(layer(page, 1)).toHaveAccessibleDescription(/LSTM/);
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('1');
});

test('builds a model with the keyboard only (Space, arrows, Space)', async ({ page }) => {
  await openBuilder(page, lab.url);
  const announcer = page.locator('[aria-live="assertive"]');

  await keyboardDrag(page, block(page, 'LSTM'), ['ArrowRight']);
  await expect(layer(page, 1)).toHaveAccessibleDescription(/LSTM/);
  await expect(announcer).toContainText('LSTM');

  // Cells also stop at the "add a layer" slot below the layers.
  await keyboardDrag(page, block(page, 'LSTM'), ['ArrowRight', 'ArrowDown']);
  await expect(layer(page, 2)).toBeVisible();
  await keyboardDrag(page, block(page, 'Momentum'), ['ArrowRight']);
  await expect(canvas(page).getByRole('button', { name: 'Training', exact: true })).toHaveAccessibleDescription(
    /Momentum/,
  );
  await keyboardDrag(page, block(page, 'Latch'), ['ArrowRight']);
  await expect(canvas(page).getByRole('button', { name: 'Task', exact: true })).toHaveAccessibleDescription(/Latch/);
  await keyboardDrag(page, block(page, 'Orthogonal'), ['ArrowRight']);
  await keyboardDrag(page, block(page, 'sigmoid'), ['ArrowRight']);
  await expect(layer(page, 1)).toHaveAccessibleDescription(/sigmoid/);

  // Escape cancels a drag: nothing changes.
  await block(page, 'GRU').focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(120);
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(120);
  await page.keyboard.press('Escape');
  await expect(announcer).toContainText('Cancelled');
  await expect(layer(page, 1)).toHaveAccessibleDescription(/LSTM/);

  // Reordering a layer by its handle, from the keyboard too.
  await keyboardDrag(page, canvas(page).getByRole('button', { name: 'Reorder Layer 1' }), ['ArrowDown']);
  await expect(announcer).toContainText(/Moved the layer|Cancelled|Over/);

  // The inspector's fields are reachable with Tab and labelled.
  await layer(page, 1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Layer 1 of 2' })).toBeVisible();
  await page.getByLabel('Hidden size', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('32');
  await expect(page.getByText('Spec valid')).toBeVisible();
  await page.getByRole('button', { name: 'Spec JSON…' }).click();
  const json = JSON.parse(await page.getByLabel('Spec JSON').inputValue()) as {
    model: { cell: string; layers: number; hidden: number; activation: string };
    train: { optimizer: string };
    task: { kind: string };
  };
  expect(json.model).toMatchObject({ cell: 'lstm', layers: 2, hidden: 32, activation: 'sigmoid' });
  expect(json.train.optimizer).toBe('momentum');
  expect(json.task.kind).toBe('latch');
});

test('shows the host’s validation message beside the field it concerns', async ({ page }) => {
  await openBuilder(page, lab.url);
  await setField(page, 'Layer 1', 'Hidden size', '0');
  const hidden = page.getByLabel('Hidden size', { exact: true });
  await expect(hidden).toHaveAttribute('aria-invalid', 'true');
  await expect(hidden).toHaveAccessibleDescription(/too small|>=\s*1/i);
  await hidden.fill('abc');
  await expect(hidden).toHaveAccessibleDescription(/number/i);

  // A problem in another block is listed, badged on that block, and Start run refuses with a reason.
  await setField(page, 'Training', 'Learning rate', '-1');
  await expect(page.getByRole('heading', { name: 'Also needs attention' })).toBeVisible();
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page.getByRole('alert')).toContainText('Not started');
  await setField(page, 'Training', 'Learning rate', '0.01');
  await setField(page, 'Layer 1', 'Hidden size', '16');
  await expect(page.getByText('Spec valid')).toBeVisible();
});

test('imports a spec from JSON, listing what the host refuses', async ({ page }) => {
  await openBuilder(page, lab.url);
  await page.getByRole('button', { name: 'Spec JSON…' }).click();
  const text = page.getByLabel('Spec JSON');
  await text.fill('{"model": {"cell": "transformer", "hidden": -4}}');
  await page.getByRole('button', { name: 'Import' }).click();
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toContainText('model.cell');
  await expect(alert).toContainText('model.hidden');
  await text.fill('{ not json');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(alert).toContainText('Not valid JSON');
  await text.fill(
    '{"name": "imported", "model": {"cell": "gru", "hidden": 24}, "task": {"kind": "sine", "seqLen": 40}}',
  );
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(layer(page, 1)).toHaveAccessibleDescription(/GRU.*24 units/);
  await expect(page.getByLabel('Run name', { exact: true })).toHaveValue('imported');
});

test('a preset fills the builder and the sweep grid', async ({ page }) => {
  await openBuilder(page, lab.url);
  await page.getByRole('button', { name: 'Presets…' }).click();
  await page.getByRole('button', { name: 'Load preset: tanh RNN vs LSTM on the adding problem' }).click();
  await expect(page.getByRole('region', { name: 'Sweep grid' }).getByRole('checkbox', { name: 'LSTM' })).toBeChecked();
  await expect(page.getByText('cell → 2 runs').first()).toBeVisible();
  await expect(canvas(page).getByRole('button', { name: 'Task', exact: true })).toHaveAccessibleDescription(/T = 50/);
});
