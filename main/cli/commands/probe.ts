import type { Command } from '../command';
import { readJsonFile } from '../open-lab';
import { UsageError } from '../usage-error';

export const probeCommand: Command = {
  name: 'probe',
  summary:
    'one forward/backward pass on given weights and batch: loss, ||dL/dh_t|| per layer, parameter gradients (JSON)',
  usage: 'gradlab probe --config C.json --weights W.json --batch B.json',
  options: { config: { type: 'string' }, weights: { type: 'string' }, batch: { type: 'string' } },
  optionHelp: [
    ['--config C.json', 'needs only "model" (cell, hidden, layers, activation), as in a spec'],
    [
      '--weights W.json',
      '{"layers":[{"Wx","Wh","bx","bh"}],"readout":{"W","b"}}, gate blocks in the order i,f,g,o (LSTM) / r,z,n (GRU)',
    ],
    ['--batch B.json', '{"x":[T][B][in],"target":{"kind":"mse_last"|"xent_last"|"xent_all","y":...}}'],
  ],
  async run({ values }, io) {
    if (!values.config || !values.weights || !values.batch)
      throw new UsageError('gradlab probe: --config, --weights and --batch are required');
    const config = readJsonFile(io, String(values.config), 'config file');
    const weights = readJsonFile(io, String(values.weights), 'weights file');
    const batch = readJsonFile(io, String(values.batch), 'batch file');
    // A one-off computation for scripts: it runs in this process, on the same backend choice as the engine.
    // TensorFlow.js loads here, not with the CLI: every other command would wait seconds for it.
    const { initBackend, probeFromFiles } = await import('../../../core/engine');
    await initBackend();
    io.out(JSON.stringify(await probeFromFiles(config, weights, batch)));
    return 0;
  },
};
