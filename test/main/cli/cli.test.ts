/** The real `gradlab` binary, run as a user runs it. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gradlab CLI', () => {
  it('--help lists its commands', () => {
    const r = gradlab('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: gradlab <command>/);
    for (const c of ['serve', 'info']) expect(r.out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('runs through npx as the package bin', () => {
    const r = spawnSync('npx', ['--no-install', 'gradlab', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Commands:');
  });

  it('exits 2 naming an unknown command', () => {
    const r = gradlab('trian');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'trian'");
  });

  it('exits 2 naming an unknown flag', () => {
    const r = gradlab('serve', '--prot', '8080');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'--prot'");
  });

  it('exits 2 naming an unknown global option', () => {
    const r = gradlab('--verbose');
    expect(r.code).toBe(2);
    expect(r.err).toContain("'--verbose'");
  });

  it('exits 2 for a bad option value', () => {
    const r = gradlab('serve', '--port', 'eighty');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port must be a whole number');
  });

  it('prints per-command help', () => {
    const r = gradlab('serve', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--db FILE');
  });
});
