/** Without a Chromium the end-to-end step fails, saying how to install one: it never passes by not running. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('npm run test:e2e without Chromium', () => {
  it('exits non-zero with install instructions', () => {
    const r = spawnSync(process.execPath, ['scripts/e2e.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('End-to-end tests need Chromium');
    expect(r.stderr).toContain('apt-get install -y chromium');
  });
});
