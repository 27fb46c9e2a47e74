/**
 * Run and sweep ids: 9 base-36 characters of milliseconds since the epoch (fixed width, so ids sort by
 * creation time as strings until the year 5188) and 6 random ones, all in [0-9a-z].
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(now: number = Date.now()): string {
  const time = Math.max(0, Math.floor(now)).toString(36).padStart(9, '0');
  const bytes = randomBytes(6);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36];
  return time + rand;
}
