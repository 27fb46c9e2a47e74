/** `gradlab replicate`: list, run one at its smallest with JSON and a figure, show it again, usage errors. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPLICATION_IDS } from '../../../core/api';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-replicate-'));
const db = join(dir, 'lab.db');
const gradlab = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/gradlab.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRADLAB_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('gradlab replicate', () => {
  it('lists the five replications, and as JSON with their papers, claims and published figures', () => {
    const r = gradlab('replicate');
    expect(r.code, r.err).toBe(0);
    expect(
      r.out
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual([...REPLICATION_IDS]);
    const j = JSON.parse(gradlab('replicate', '--json').out) as {
      id: string;
      paper: { year: number };
      claim: string;
      published: { label: string; source: string }[];
    }[];
    expect(j.map((x) => x.id)).toEqual([...REPLICATION_IDS]);
    for (const x of j) {
      expect(x.claim.length).toBeGreaterThan(40);
      expect(x.published.every((p) => p.source.length > 20)).toBe(true);
    }
  });

  it('runs one at its smallest, prints published beside measured as JSON, and writes its figure', () => {
    const svg = join(dir, 'copy.svg');
    const r = gradlab('replicate', 'arjovsky-2016-copy', '--smallest', '--json', '--figure', svg);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as {
      id: string;
      published: Record<string, { value: number | null }>;
      measured: Record<string, { value: number | null }>;
      verdict: string;
      reduced: boolean;
      runIds: string[];
    };
    expect(j.id).toBe('arjovsky-2016-copy');
    expect(j.published['memoryless baseline, T = 100']!.value).toBeCloseTo((10 * Math.log(8)) / 120, 10);
    // The smallest form is T = 5: its baseline is computed for that T.
    expect(j.measured['memoryless baseline 10·ln 8/(T + 20)']!.value).toBeCloseTo((10 * Math.log(8)) / 25, 10);
    expect(['reproduced', 'partly', 'not_reproduced']).toContain(j.verdict);
    expect(j.reduced).toBe(true);
    expect(j.runIds).toHaveLength(2);
    expect(readFileSync(svg, 'utf8')).toMatch(/<svg/);
  });

  it('shows the last result again without running', () => {
    const r = gradlab('replicate', 'arjovsky-2016-copy', '--show');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}verdict: (REPRODUCED|PARTLY REPRODUCED|NOT REPRODUCED)$/m);
    expect(r.out).toMatch(/measured \(smallest form/);
    expect(r.out).toMatch(/memoryless baseline, T = 100: 0\.1733 {2}\[computed\]/);
  });

  it('answers usage mistakes with one line and exit 2', () => {
    for (const args of [
      ['replicate', 'bogus'],
      ['replicate', 'le-2015-irnn', '--reduced', '--smallest'],
    ]) {
      const r = gradlab(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toMatch(/^gradlab replicate: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
