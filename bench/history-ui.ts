/**
 * A year of runs in the real window: `gradlab serve` (its own process) on the generated 10,000-run history,
 * the built UI in Chromium (playwright-core), and each action of issue 12 timed in the page, from the user's
 * input event (its timeStamp) to the first animation frame in which the DOM shows the answer: the Runs table
 * with the expected range and first row, Compare's 50 curves and seed bands, the million-step run's loss curve.
 * The expected answer of each action is asked of the API first, so a timing can only end on the right table.
 *
 * Needs the built renderer (`npx electron-vite build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { fromWire, toWire, TOKEN_HEADER } from '../core/api';
import type { RunSummary } from '../core/api/records';
import { benchHistoryFile, COMPARE_TAG, MILLION_NAME } from './history';

const RENDERER = path.resolve('out/renderer/index.html');
const ROWS = 100; // the Runs view's default page size (renderer/src/runs/view-store.ts)

async function serve(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/gradlab.js', 'serve', '--port', '0', '--db', dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`gradlab serve printed no address within 120 s:\n${out}`)),
      120_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`gradlab serve exited with ${code}:\n${out}`)));
  });
  return { url, child };
}

/** What the window should show once an action is done. */
type Done =
  | { kind: 'runs'; range: string; firstName: string | null; sortedBy?: string }
  | { kind: 'curves'; panel: string; chart: string; lines: number; areas?: number };

/** In the page: elapsed ms since the marked input event once `done` holds, else false (polled every frame). */
function donePredicate(done: Done): number | false {
  const w = window as unknown as { __benchT0?: number };
  if (w.__benchT0 === undefined) return false;
  if (done.kind === 'runs') {
    const panel = document.getElementById('panel-runs');
    const range = panel?.querySelector('.pager-range')?.textContent ?? '';
    if (!range.includes(done.range)) return false;
    const first = panel?.querySelector('tbody .run-name')?.textContent?.trim() ?? null;
    if (done.firstName !== null && first !== done.firstName) return false;
    if (
      done.sortedBy &&
      !panel
        ?.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]')
        ?.textContent?.includes(done.sortedBy)
    )
      return false;
  } else {
    const chart = document.getElementById(done.panel)?.querySelector(`[role="img"][aria-label="${done.chart}"]`);
    if (!chart) return false;
    const drawn = [...chart.querySelectorAll('.recharts-line-curve')].filter((p) => (p.getAttribute('d') ?? '') !== '');
    if (drawn.length < done.lines) return false;
    if (done.areas !== undefined && chart.querySelectorAll('.recharts-area-area').length < done.areas) return false;
  }
  return performance.now() - w.__benchT0;
}

/** Marks the next input event's time in the page (the user's action), then acts and waits for `done`. */
async function timeAction(page: Page, act: () => Promise<void>, done: Done): Promise<number> {
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  await page.evaluate(`(() => {
    delete window.__benchT0;
    for (const type of ['pointerdown', 'keydown', 'input', 'change'])
      addEventListener(type, (e) => { window.__benchT0 ??= e.timeStamp; }, { capture: true, once: true });
  })()`);
  await act();
  const handle = await page.waitForFunction(donePredicate, done, { polling: 'raf', timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

export async function benchHistoryUi(log: (line: string) => void): Promise<Record<string, number>> {
  if (!fs.existsSync(RENDERER)) {
    log('history-ui: the built renderer is missing: run `npx electron-vite build` first');
    return {};
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    log(`history-ui: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return {};
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-history-ui-'));
  const figures: Record<string, number> = {};
  let child: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const { dbPath } = benchHistoryFile(dir, log);
    const served = await serve(dbPath);
    child = served.child;
    const origin = new URL(served.url).origin;
    const token = new URL(served.url).searchParams.get('token') ?? '';
    const api = async <T>(method: string, args: unknown): Promise<T> => {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token },
        body: toWire(args),
      });
      const env = fromWire(await res.text()) as { ok: boolean; result: T; error?: { message: string } };
      if (!env.ok) throw new Error(`${method}: ${env.error?.message}`);
      return env.result;
    };
    const fmt = (n: number) => n.toLocaleString('en-US');
    const expectRuns = async (query: Record<string, unknown>, offset = 0, sortedBy?: string): Promise<Done> => {
      const page = await api<{ runs: RunSummary[]; total: number }>('listRuns', { limit: ROWS, offset, ...query });
      const last = Math.min(page.total, offset + ROWS);
      return {
        kind: 'runs',
        range: `${fmt(page.total ? offset + 1 : 0)}–${fmt(last)} of ${fmt(page.total)} run`,
        firstName: page.runs[0]?.name ?? null,
        ...(sortedBy ? { sortedBy } : {}),
      };
    };
    const report = (name: string, target: number, ms: number) => {
      figures[name] = ms;
      log(
        `history-ui: ${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  (target ≤ ${target} ms) ${ms <= target ? 'ok' : 'SLOWER'}`,
      );
    };

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(served.url);
    await page.getByRole('tab', { name: 'Builder' }).waitFor();
    const runs = page.locator('#panel-runs');

    report(
      'Runs view open (newest 100 of 10,051)',
      300,
      await timeAction(page, () => page.getByRole('tab', { name: 'Runs' }).click(), await expectRuns({})),
    );
    report(
      'search "lstm" (incl. the 60 ms typing pause)',
      300,
      await timeAction(
        page,
        () => runs.getByRole('searchbox', { name: 'Search runs' }).fill('lstm'),
        await expectRuns({ text: 'lstm' }),
      ),
    );
    await runs.getByRole('searchbox', { name: 'Search runs' }).fill('');
    await page.waitForFunction(donePredicate, await expectRuns({}), { polling: 'raf' }).catch(() => undefined);
    await runs
      .locator('summary')
      .filter({ hasText: /^Status filter:/ })
      .click();
    report(
      'filter by status: diverged',
      300,
      await timeAction(
        page,
        () => runs.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'diverged' }).check(),
        await expectRuns({ status: ['diverged'] }),
      ),
    );
    await page.keyboard.press('Escape');
    const tagBox = runs.getByRole('combobox', { name: 'Filter by tag' });
    await tagBox.fill('ablation');
    report(
      'filter by tag: ablation (on top of diverged)',
      300,
      await timeAction(
        page,
        () => tagBox.press('Enter'),
        await expectRuns({ status: ['diverged'], tag: ['ablation'] }),
      ),
    );
    await runs.getByRole('button', { name: 'Reset filters' }).first().click();
    report(
      'sort by final loss',
      300,
      await timeAction(
        page,
        () =>
          runs
            .getByRole('table', { name: 'Runs' })
            .getByRole('button', { name: /Final loss/ })
            .click(),
        await expectRuns({ sort: 'finalLoss', order: 'asc' }, 0, 'Final loss'),
      ),
    );
    report(
      'next page (101–200)',
      300,
      await timeAction(
        page,
        () => runs.getByRole('button', { name: 'Next page' }).click(),
        await expectRuns({ sort: 'finalLoss', order: 'asc' }, ROWS, 'Final loss'),
      ),
    );

    // Compare: the sweep's 50 runs (10 specs × 5 seeds), found by their tag and ticked with the page's box.
    await tagBox.fill(COMPARE_TAG);
    await tagBox.press('Enter');
    await runs.getByText(`1–50 of 50 runs`).waitFor();
    await runs.getByRole('checkbox', { name: 'Select all runs on this page' }).check();
    // Where Compare's time goes: its one getSeriesMany answer (fetch), then the charts (draw), timed from here.
    const clickedAt = performance.now();
    const fetched = page
      .waitForResponse((r) => r.url().includes('/api/getSeriesMany'), { timeout: 60_000 })
      .then(async (r) => (await r.finished(), performance.now() - clickedAt))
      .catch(() => Number.NaN);
    const compareOpen = await timeAction(
      page,
      () => runs.getByRole('button', { name: 'Compare', exact: true }).click(),
      { kind: 'curves', panel: 'panel-compare', chart: 'Loss', lines: 50 },
    );
    const drawnAt = performance.now() - clickedAt;
    report('Compare 50 runs: 50 loss curves drawn', 1000, compareOpen);
    const fetchMs = await fetched;
    figures['Compare 50 runs: fetch (getSeriesMany answered)'] = fetchMs;
    figures['Compare 50 runs: draw (after the answer)'] = drawnAt - fetchMs;
    log(
      `history-ui:   of which fetch ${fetchMs.toFixed(0)} ms (one getSeriesMany), draw ${(drawnAt - fetchMs).toFixed(0)} ms (both timed from the click, outside the page)`,
    );
    const bands = await timeAction(
      page,
      async () => {
        await page.locator('#panel-compare').getByRole('combobox', { name: 'Seeds' }).selectOption('std');
      },
      { kind: 'curves', panel: 'panel-compare', chart: 'Loss', lines: 10, areas: 10 },
    );
    report('Compare 50 runs: seed bands (mean ± std) drawn', 1000, bands);
    report('Compare 50 runs with seed bands, both steps', 1000, compareOpen + bands);

    // The million-step run, opened from its details in Runs.
    await page.getByRole('tab', { name: 'Runs' }).click();
    await runs.getByRole('button', { name: 'Reset filters' }).first().click();
    await runs.getByRole('searchbox', { name: 'Search runs' }).fill(MILLION_NAME);
    await runs.getByRole('button', { name: `Details of ${MILLION_NAME}` }).click();
    report(
      '1,000,000-step run: open, loss chart drawn',
      1000,
      await timeAction(page, () => page.getByRole('button', { name: 'Open run' }).click(), {
        kind: 'curves',
        panel: 'panel-live',
        chart: 'Loss',
        lines: 1,
      }),
    );
    await page.screenshot({ path: path.join(os.tmpdir(), 'gradlab-history-ui-live.png') });
    await context.close();
    return figures;
  } finally {
    await browser.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
