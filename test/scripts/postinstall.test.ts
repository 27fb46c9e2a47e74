/** The install never fails for want of Electron's binary, and says what that means. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-postinstall-'));
const script = (name: string, body: string) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};
const postinstall = (env: Record<string, string>) => {
  const clean = { ...process.env };
  delete clean.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return spawnSync(process.execPath, ['scripts/postinstall.mjs'], { encoding: 'utf8', env: { ...clean, ...env } });
};

describe('postinstall', () => {
  it('succeeds quietly when the Electron download works', () => {
    const r = postinstall({ GRADLAB_ELECTRON_INSTALL: script('ok.cjs', 'process.exit(0)') });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('succeeds with a one-line explanation when the download fails', () => {
    const r = postinstall({
      GRADLAB_ELECTRON_INSTALL: script(
        'fail.cjs',
        "console.error('RequestError: getaddrinfo ENOTFOUND'); process.exit(1)",
      ),
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('getaddrinfo ENOTFOUND');
    expect(r.stdout).toContain('browser mode');
  });

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    const r = postinstall({
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      GRADLAB_ELECTRON_INSTALL: script('never.cjs', 'process.exit(3)'),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('not fetching Electron');
  });
});
