/**
 * The Lessons tab against a real `gradlab serve` and the real engine: the eight lessons listed, one run at
 * the quick size from the page (progress bar, then the verdict badge in colour and words, the headline, the
 * measurements and the figures drawn from the stored runs), and the verdict still there after a reload.
 */
import { test, expect, type Page } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
});
test.afterAll(async () => {
  await lab?.stop();
});

async function openLessons(page: Page) {
  await page.goto(lab.url);
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
}

test('lists the eight lessons and runs one at the quick size to its verdict', async ({ page }) => {
  test.setTimeout(240_000);
  await openLessons(page);
  const list = page.getByRole('navigation', { name: 'Lessons' });
  await expect(list.getByRole('button')).toHaveCount(8);
  await expect(list.getByRole('button').first()).toContainText('Not run yet');

  await list.getByRole('button', { name: /^3\. Sigmoid vanishes faster than tanh/ }).click();
  const lesson = page.getByRole('article', { name: '3. Sigmoid vanishes faster than tanh' });
  await expect(lesson).toContainText('σ′(a) = σ(a)(1−σ(a))');
  await page.getByRole('radio', { name: /Quick/ }).check();
  await expect(lesson).toContainText('2 runs: tanh and sigmoid RNN (16 units');

  await lesson.getByRole('button', { name: 'Run lesson' }).click();
  await expect(lesson.getByRole('progressbar', { name: 'Lesson 3 progress' })).toBeVisible();
  await expect(lesson.getByRole('button', { name: 'Running…' })).toBeDisabled();

  const badge = lesson.locator('.lesson-head .verdict-badge');
  await expect(badge).toHaveText(/Supported/, { timeout: 180_000 });
  await expect(badge).toHaveAttribute('data-verdict', 'supported');
  await expect(lesson.getByRole('progressbar')).toHaveCount(0);
  await expect(lesson.locator('.lesson-headline')).toContainText(/Decay per step: tanh 0\.\d+, sigmoid 0\.\d+/);
  await expect(lesson.getByRole('row', { name: /sigmoid: γ = max\|f′\|/ })).toContainText('0.25');
  const figure = lesson.locator('.lesson-figure img');
  await expect(figure).toHaveCount(1);
  await expect(figure).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(lesson.getByRole('button', { name: 'Export figure' })).toBeEnabled();
  await expect(list.getByRole('button', { name: /^3\./ })).toContainText('Supported');

  // Results come from stored runs: a fresh page shows the verdict without running anything.
  await openLessons(page);
  await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: /^3\./ }).click();
  await expect(page.getByRole('article', { name: /^3\./ }).locator('.lesson-head .verdict-badge')).toHaveText(
    /Supported/,
  );
  await expect(
    page.getByRole('article', { name: /^3\./ }).getByRole('button', { name: 'Run lesson again' }),
  ).toBeEnabled();
});
