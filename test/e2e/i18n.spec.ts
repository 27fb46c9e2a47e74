/**
 * The window in 中文 (issue 14) against a real `gradlab serve` and the real engine: a browser whose locale is
 * zh-CN opens the lab in Chinese; a model is built, trained, found in Runs and exported as a figure, every
 * step by its Chinese accessible name. The header's language switch is remembered across a reload. Each page
 * is photographed in both languages (/tmp/i18n-*.png) for a person to look at.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { startServedLab, type ServedLab } from './lab-server';
import { mouseDrag } from './builder-helpers';

let lab: ServedLab;

test.beforeAll(async () => {
  lab = await startServedLab();
});
test.afterAll(async () => {
  await lab?.stop();
});

const zhCanvas = (page: Page) => page.getByRole('region', { name: '模型' });

async function zhField(page: Page, blockName: string, label: string, value: string): Promise<void> {
  await zhCanvas(page).getByRole('button', { name: blockName, exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(value);
}

async function openIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(lab.url);
  return { context, page, errors };
}

test('a zh-CN browser builds, trains, finds and exports a run in Chinese', async ({ browser }) => {
  const { context, page, errors } = await openIn(browser, 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('tab', { name: '搭建' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('配置有效')).toBeVisible();

  // Build: an LSTM dragged onto the layer, a short adding problem.
  const palette = page.getByRole('navigation', { name: '积木' });
  await mouseDrag(
    page,
    palette.getByRole('button', { name: 'LSTM', exact: true }),
    zhCanvas(page).getByRole('button', { name: '第 1 层', exact: true }),
  );
  await expect(zhCanvas(page).getByRole('button', { name: '第 1 层', exact: true })).toHaveAccessibleDescription(
    /LSTM/,
  );
  await mouseDrag(page, palette.getByRole('button', { name: '按范数裁剪', exact: true }), zhCanvas(page));
  await expect(zhCanvas(page).getByRole('button', { name: '梯度裁剪', exact: true })).toHaveAccessibleDescription(
    /按范数裁剪/,
  );

  // A field the host refuses says why in Chinese, with the field's path kept.
  await zhField(page, '第 1 层', '隐藏层大小', '0');
  await expect(page.getByText('过小：应 ≥ 1')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '1 个问题' })).toBeVisible();
  await zhField(page, '第 1 层', '隐藏层大小', '16');
  await zhField(page, '任务', '序列长度', '20');
  await zhField(page, '训练', '训练步数', '40');
  await zhField(page, '梯度探针', '探针间隔', '20');
  await page.getByLabel('运行名称', { exact: true }).fill('中文运行');
  await expect(page.getByText('配置有效')).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-builder-zh.png' });

  await page.getByRole('button', { name: '开始运行' }).click();
  await expect(page.getByRole('tab', { name: '实时训练' })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/i18n-live-zh.png' });

  // Runs: the run is there, its status in Chinese once it completes.
  await page.getByRole('tab', { name: '运行记录' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: '中文运行', exact: true }) });
  await expect(row.getByText('已完成')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('navigation', { name: '运行分页' })).toContainText('共 1 个运行');
  // Spec values by their display names, not the spec's identifiers.
  await expect(row).toContainText('加法问题');
  await expect(row).not.toContainText('adding');
  await row.getByRole('button', { name: '中文运行 的详情' }).click();
  const details = page.getByRole('complementary', { name: '中文运行 的详情' });
  await expect(details.getByText('最终损失')).toBeVisible();
  await expect(details).toContainText(/\d+(\.\d)? 秒/);
  await page.screenshot({ path: '/tmp/i18n-runs-zh.png' });
  await details.getByRole('button', { name: '关闭详情' }).click();

  // Export a figure: tick it, compare, open the loss chart's export dialog, save a PNG.
  await page.getByRole('checkbox', { name: '选中 中文运行' }).check();
  await expect(page.getByRole('group', { name: '已选运行' })).toContainText('已选 1 个运行');
  await page.getByRole('button', { name: '对比', exact: true }).click();
  await expect(page.getByRole('table', { name: '不同的配置字段' })).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n14-compare-zh.png' });
  await page
    .getByRole('region', { name: /^(Loss|损失)$/ })
    .getByRole('button', { name: /^(Export figure|导出图表)$/ })
    .click();
  const dialog = page.getByRole('dialog', { name: '导出图表：损失' });
  await expect(dialog.getByRole('img', { name: '导出的损失图预览' })).toHaveAttribute('src', /^blob:|^data:/);
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await expect(dialog.getByText(/\d+ × \d+ 像素/)).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-export-zh.png' });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '保存 PNG' }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(errors).toEqual([]);
  await context.close();
});

test('the header switches the language, and the choice is remembered after a reload', async ({ browser }) => {
  const { context, page, errors } = await openIn(browser, 'en-US');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('tab', { name: 'Builder' })).toBeVisible();
  await page.screenshot({ path: '/tmp/i18n-builder-en.png' });
  await page.getByRole('tab', { name: 'Runs' }).click();
  await page.screenshot({ path: '/tmp/i18n-runs-en.png' });
  await page.getByRole('tab', { name: 'Builder' }).click();

  await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('zh-CN');
  await expect(page.getByRole('tab', { name: '搭建' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('tab', { name: '搭建' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Language / 语言' })).toHaveValue('zh-CN');
  expect(await page.evaluate(() => localStorage.getItem('gradlab.lang'))).toBe('zh-CN');

  // Presets and the spec JSON dialog in Chinese, then back to English, remembered too.
  await page.getByRole('button', { name: '预设…' }).click();
  await expect(page.getByRole('dialog', { name: '预设' })).toContainText('梯度爆炸的 RNN：裁剪与不裁剪');
  await page.screenshot({ path: '/tmp/i18n-presets-zh.png' });
  await page.getByRole('dialog', { name: '预设' }).getByRole('button', { name: '关闭' }).click();
  await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('en');
  await expect(page.getByRole('tab', { name: 'Builder' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Builder' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Presets…' }).click();
  await page.screenshot({ path: '/tmp/i18n-presets-en.png' });
  expect(errors).toEqual([]);
  await context.close();
});

test("a zh-CN window says the lab's own refusal of a file in Chinese", async ({ browser }) => {
  const { context, page, errors } = await openIn(browser, 'zh-CN');
  await page.getByRole('tab', { name: '运行记录' }).click();
  // Not gzip: the host refuses it with bundle.notGzip, which the window says from the id, not the English.
  await page
    .locator('input[type="file"][accept^=".gz"]')
    .setInputFiles({ name: 'notes.gz', mimeType: 'application/gzip', buffer: Buffer.from('not a bundle') });
  const status = page.getByRole('status').filter({ hasText: '无法导入 notes.gz' });
  await expect(status).toContainText('输入有误：不是 gradlab 数据包：数据不是完整的 gzip 文件');
  await expect(status).not.toContainText('Not a gradlab bundle');
  await page.screenshot({ path: '/tmp/i18n-import-refused-zh.png' });
  expect(errors).toEqual([]);
  await context.close();
});
