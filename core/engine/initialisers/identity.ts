import { InitialiserError, type InitialiserDef } from './types';

// IRNN (Le et al. 2015): Wh = gain·I, so a ReLU RNN starts as an integrator.
export const identity: InitialiserDef = {
  name: 'identity',
  squareOnly: true,
  fill(rows, cols, { gain }) {
    if (rows !== cols)
      throw new InitialiserError(
        `The identity initialiser needs a square block (Wh), got ${rows}×${cols}: use it for model.init.recurrent only`,
      );
    const w = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) w[i * cols + i] = gain;
    return w;
  },
};
