/** `--broker URL` (else GRADLAB_BROKER): checked before anything starts, so a wrong one costs one line. */
import { LabError } from '../../core/api';
import { BrokerError, checkBroker, parseBrokerUrl, type BrokerAddress } from '../../core/cluster/broker';
import type { Io } from './command';
import { UsageError } from './usage-error';

export const BROKER_HELP: [string, string] = [
  '--broker URL',
  'the cluster broker, redis://:PASSWORD@HOST:PORT (default: $GRADLAB_BROKER)',
];

export function brokerUrlOf(flag: unknown, io: Io): string | null {
  const raw = typeof flag === 'string' ? flag : io.env.GRADLAB_BROKER;
  return raw ? raw : null;
}

/** The parsed, reachable broker, or null when none is configured. Usage errors exit 2; an unreachable broker 1. */
export async function openBroker(
  flag: unknown,
  io: Io,
  required = false,
  command = 'gradlab',
): Promise<BrokerAddress | null> {
  const raw = brokerUrlOf(flag, io);
  if (!raw) {
    if (required)
      throw new UsageError(`${command}: give the broker with --broker redis://:PASSWORD@HOST:PORT or GRADLAB_BROKER`);
    return null;
  }
  try {
    const address = parseBrokerUrl(raw);
    await checkBroker(address);
    return address;
  } catch (e) {
    if (e instanceof BrokerError) {
      if (e.kind === 'usage') throw new UsageError(`${command}: ${e.message}`);
      throw new LabError('unavailable', e.message);
    }
    throw e;
  }
}
