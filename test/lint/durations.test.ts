/**
 * One duration rendering in the window: every call names the window's language (an unnamed one silently
 * prints English units in the zh window), and no component keeps its own "x s" / "x min" copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'renderer/src';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

describe('durations in the window', () => {
  it('every formatDuration call passes the language', () => {
    const bad: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/formatDuration\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)) {
        const args = m[1] ?? '';
        if (!/,\s*lang\b/.test(args)) bad.push(`${file}: formatDuration(${args})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no component formats durations itself', () => {
    const copies = sources(ROOT).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /function\s+\w*[Dd]uration\w*\s*\(|\/\s*60_?000\b|\/\s*3_?600_?000\b|RelativeTimeFormat/.test(text);
    });
    expect(copies).toEqual([]);
  });
});
