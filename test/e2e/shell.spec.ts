import { test, expect } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
});
test.afterAll(async () => {
  await lab?.stop();
});

test('the app shell renders in Chromium and shows the engine backend from engineInfo()', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(lab.url);
  await expect(page.getByRole('heading', { name: 'RNN Gradient Lab' })).toBeVisible();
  for (const tab of ['Builder', 'Runs', 'Compare']) await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  const badge = page.getByRole('status', { name: 'Engine' });
  await expect(badge).toContainText(/Engine: (wasm|cpu|tensorflow) · /);
  const backend = await badge.getAttribute('data-backend');
  expect(['wasm', 'cpu', 'tensorflow']).toContain(backend);
  expect(errors).toEqual([]);
});

test('the page is refused without the session token', async ({ request }) => {
  const res = await request.get(lab.origin + '/');
  expect(res.status()).toBe(401);
  expect(await res.text()).toContain('token');
});
