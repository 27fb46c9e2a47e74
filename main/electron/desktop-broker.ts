/**
 * The desktop app's broker: GRADLAB_BROKER, as for the CLI. A URL the lab would refuse opens the app without a
 * cluster (the window then says how to give one) instead of leaving it without a window.
 */
import { BrokerError, parseBrokerUrl } from '../../core/cluster/broker';

export function desktopBroker(env: NodeJS.ProcessEnv = process.env, warn = console.error): string | null {
  const raw = env.GRADLAB_BROKER;
  if (!raw) return null;
  try {
    parseBrokerUrl(raw);
    return raw;
  } catch (e) {
    if (!(e instanceof BrokerError)) throw e;
    warn(`gradlab: GRADLAB_BROKER ignored: ${e.message}`);
    return null;
  }
}
