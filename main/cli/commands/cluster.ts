import { Queue } from 'bullmq';
import { connect } from '../../../core/cluster/broker';
import { PREFIX, QUEUE } from '../../../core/cluster/protocol';
import { clusterStatus } from '../../../core/cluster/status';
import type { Command } from '../command';
import { BROKER_HELP, openBroker } from '../broker-flag';
import { UsageError } from '../usage-error';

const ago = (iso: string) => `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000))} s ago`;

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'the cluster at a broker: its workers (backend, device, busy or idle) and its queue',
  usage: 'gradlab cluster status [--broker URL] [--json]',
  options: { broker: { type: 'string' }, json: { type: 'boolean' } },
  optionHelp: [BROKER_HELP, ['--json', 'print the status as JSON']],
  async run({ values, positionals }, io) {
    if (positionals.length !== 1 || positionals[0] !== 'status')
      throw new UsageError(
        "gradlab cluster: the one sub-command is 'status', e.g. gradlab cluster status --broker URL",
      );
    const address = (await openBroker(values.broker, io, true, 'gradlab cluster'))!;
    const redis = connect(address, 'gradlab-status');
    const queue = new Queue(QUEUE, { connection: { ...address.options }, prefix: PREFIX });
    try {
      const s = await clusterStatus(redis, queue, address.display);
      if (values.json) {
        io.out(JSON.stringify(s));
        return 0;
      }
      io.out(
        `broker ${s.broker}: ${s.workers.length} worker(s); queue ${s.queue.waiting} waiting, ${s.queue.active} training, ${s.queue.delayed} delayed, ${s.queue.failed} failed`,
      );
      for (const w of s.workers) {
        const what =
          w.state === 'broken'
            ? `broken: ${w.error}`
            : `${w.state}, ${w.runs.length}/${w.concurrency} run(s)${w.runs.length ? ` (${w.runs.join(', ')})` : ''}`;
        io.out(`  ${w.name} on ${w.host}: ${w.backend} (${w.device}), ${what}, seen ${ago(w.lastSeen)}`);
      }
      return 0;
    } finally {
      await queue.close().catch(() => undefined);
      redis.disconnect();
    }
  },
};
