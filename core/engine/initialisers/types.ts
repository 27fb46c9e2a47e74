import type { Initialiser } from '../../api/spec';
import type { Rng } from '../../tasks/rng';

export interface InitContext {
  rng: Rng;
  gain: number;
  /** Standard deviation for `normal`. */
  std: number;
}

/**
 * One initialiser: fills a rows × cols block (row-major, float64). Gate matrices are initialised block by
 * block ([in, H] per gate), so fan-in/fan-out and orthogonality refer to one gate, as in cuDNN-style cells.
 */
export interface InitialiserDef {
  name: Initialiser;
  /** Only square blocks (identity): using it for Wx is an error. */
  squareOnly?: boolean;
  fill(rows: number, cols: number, ctx: InitContext): Float64Array;
}

export class InitialiserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InitialiserError';
  }
}
