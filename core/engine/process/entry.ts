/**
 * The engine process. Runs under Node's `child_process.fork(…, { serialization: 'advanced' })` or Electron's
 * `utilityProcess.fork`, whichever started it: it initialises the backend, warms up (./warm-up), says 'ready'
 * with the EngineInfo, then trains one run at a time on 'start', flags a stop on 'stop' and exits on 'shutdown'.
 */
import type { EngineToHost, HostToEngine } from '../protocol';
import { initBackend } from '../backend';
import { runTraining } from '../trainer';
import { predict } from '../predict';
import { stepBatcher } from './step-batcher';
import { warmUp } from './warm-up';

interface Port {
  send(m: EngineToHost): void;
  onMessage(handler: (m: HostToEngine) => void): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function detectPort(): Port {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (m) => parentPort.postMessage(m),
      onMessage: (h) => parentPort.on('message', (e) => h(e.data as HostToEngine)),
    };
  }
  if (typeof process.send === 'function') {
    // An engine whose host died has no one to report to: leave instead of training into a broken pipe.
    process.on('disconnect', () => process.exit(0));
    return {
      send: (m) => {
        // The host can die between the check and the write: a failed write means it is gone, so leave.
        if (process.connected) process.send!(m, undefined, {}, (err) => err && process.exit(0));
      },
      onMessage: (h) => process.on('message', (m) => h(m as HostToEngine)),
    };
  }
  throw new Error(
    'The engine process must be started by child_process.fork or Electron utilityProcess.fork (no IPC channel found)',
  );
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function startEngineProcess(): Promise<void> {
  const raw = detectPort();
  // Every outgoing message goes through the batcher, so steps held back never overtake or trail the rest.
  const batcher = stepBatcher(raw.send);
  const port = { send: batcher.send, onMessage: raw.onMessage };
  let running: Promise<void> | null = null;
  let stop = false;
  port.onMessage((m) => {
    switch (m.type) {
      case 'start': {
        if (running) {
          port.send({
            type: 'error',
            runId: m.runId,
            message: 'The engine is already running a run: it trains one at a time',
          });
          return;
        }
        stop = false;
        running = runTraining({ runId: m.runId, spec: m.spec, resume: m.resume }, port.send, () => stop)
          .catch((e: unknown) => port.send({ type: 'error', runId: m.runId, message: messageOf(e) }))
          .finally(() => (running = null));
        return;
      }
      case 'predict':
        // Answered between training steps if a run is going; a prediction never touches a run's state.
        predict(m)
          .then((p) => port.send({ type: 'predictions', ...p }))
          .catch((e: unknown) => port.send({ type: 'error', runId: null, message: messageOf(e) }));
        return;
      case 'stop':
        stop = true;
        return;
      case 'shutdown':
        stop = true;
        batcher.flush();
        // Give queued IPC messages a turn to flush before leaving.
        setImmediate(() => process.exit(0));
        return;
    }
  });
  try {
    const info = await initBackend();
    // Compiled and optimised before the first run, not during it (./warm-up); bounded in time.
    await warmUp();
    port.send({ type: 'ready', info });
  } catch (e) {
    port.send({ type: 'error', runId: null, message: messageOf(e) });
    setImmediate(() => process.exit(1));
  }
}

void startEngineProcess();
