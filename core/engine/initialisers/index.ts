/** The initialiser registry: one record per entry of the spec's INITIALISERS. */
import type { Initialiser } from '../../api/spec';
import type { InitialiserDef } from './types';
import { xavierUniform } from './xavier-uniform';
import { xavierNormal } from './xavier-normal';
import { heNormal } from './he-normal';
import { orthogonal } from './orthogonal';
import { identity } from './identity';
import { normal } from './normal';

export const INITIALISER_DEFS: Record<Initialiser, InitialiserDef> = {
  xavier_uniform: xavierUniform,
  xavier_normal: xavierNormal,
  he_normal: heNormal,
  orthogonal,
  identity,
  normal,
};

export function initialiser(name: Initialiser): InitialiserDef {
  const def = INITIALISER_DEFS[name];
  if (!def) throw new Error(`Unknown initialiser "${String(name)}"`);
  return def;
}

export { InitialiserError, type InitialiserDef, type InitContext } from './types';
