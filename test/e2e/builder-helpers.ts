/** Shared steps of the builder and live-run browser tests: mouse and keyboard drags, field edits. */
import { expect, type Locator, type Page } from '@playwright/test';

/** A palette block by its exact accessible name ("GRU", "Adam", "Adding problem"). */
export const block = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Blocks' }).getByRole('button', { name, exact: true });
export const canvas = (page: Page) => page.getByRole('region', { name: 'Model' });
export const layer = (page: Page, n: number) => canvas(page).getByRole('button', { name: `Layer ${n}`, exact: true });
export const addLayerSlot = (page: Page) => canvas(page).getByText('Drop a cell here to add a layer');

/** A real pointer drag: press, move in small steps (dnd-kit starts after a few pixels), release. */
export async function mouseDrag(page: Page, source: Locator, target: Locator): Promise<void> {
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** dnd-kit's live region: what a screen reader hears at each step of a drag. */
const dragAnnouncer = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/**
 * The keyboard path: focus the block, Space picks it up, arrows move between drop targets, Space drops.
 * Each step waits for the state it leads to, as a screen reader user hears it: the pick-up is announced
 * (by then the sensor listens for the arrows), and every arrow announces the new target (by then the sensor
 * has measured it), so no keystroke lands before the page is ready for it. Each arrow must change targets.
 */
export async function keyboardDrag(page: Page, source: Locator, keys: string[]): Promise<void> {
  await source.focus();
  await expect(source).toBeFocused();
  const announcer = dragAnnouncer(page);
  await page.keyboard.press('Space');
  await expect(source).toHaveAttribute('aria-pressed', 'true');
  await expect(announcer).not.toBeEmpty();
  let heard = await announcer.textContent();
  for (const k of keys) {
    await page.keyboard.press(k);
    await expect(announcer).not.toHaveText(heard ?? '');
    heard = await announcer.textContent();
  }
  await page.keyboard.press('Space');
  await expect(source).not.toHaveAttribute('aria-pressed', 'true');
}

/** Opens the builder and waits until the host has validated the default spec. */
export async function openBuilder(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('tab', { name: 'Builder' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Spec valid')).toBeVisible();
}

/** Selects a canvas block and types into one of its labelled fields. */
export async function setField(page: Page, blockName: string, label: string, value: string): Promise<void> {
  await canvas(page).getByRole('button', { name: blockName, exact: true }).click();
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
}

/** A short adding-problem run the tests can watch train: T=20, H=16, `steps` steps, a probe every 20. */
export async function buildShortRun(page: Page, steps: number, name?: string): Promise<void> {
  await setField(page, 'Task', 'Sequence length', '20');
  await setField(page, 'Layer 1', 'Hidden size', '16');
  await setField(page, 'Training', 'Steps', String(steps));
  await setField(page, 'Gradient probe', 'Probe every', '20');
  if (name) await page.getByLabel('Run name', { exact: true }).fill(name);
  await expect(page.getByText('Spec valid')).toBeVisible();
}
