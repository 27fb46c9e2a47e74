import { createLab } from '../../../core/lab/lab';
import { forkLauncher } from '../../../core/lab/fork-launcher';
import { APP_VERSION } from '../../version';
import type { Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  summary: 'show the engine backend, device and versions (and why faster backends were skipped)',
  usage: 'gradlab info [--json]',
  options: { json: { type: 'boolean' } },
  optionHelp: [['--json', 'print one JSON document']],
  async run({ values }, io) {
    const lab = createLab({ mode: 'cli', version: APP_VERSION, launcher: forkLauncher(), databasePath: null });
    const info = await lab.engineInfo();
    await lab.close();
    if (values.json) {
      io.out(JSON.stringify(info, null, 2));
      return 0;
    }
    io.out(`backend: ${info.backend}`);
    io.out(`device:  ${info.device}`);
    for (const [k, v] of Object.entries(info.versions)) io.out(`${k}: ${v}`);
    for (const s of info.skipped) io.out(`skipped ${s.backend}: ${s.reason}`);
    return 0;
  },
};
