/**
 * Predictions of a stored model, asked of a fresh engine process: it says `ready`, answers one `predict`
 * with `predictions` (or `error`), and is shut down. Training never shares the process.
 */
import type { ExperimentSpec } from '../api';
import { LabError } from '../api/errors';
import type { Checkpoint, EngineToHost } from '../engine/protocol';
import type { Predictions } from '../engine/predict';
import type { EngineLauncher } from './engine-channel';

export type { Predictions };

export function requestPredictions(launch: EngineLauncher, spec: ExperimentSpec, checkpoint: Checkpoint, count: number, timeoutMs = 120_000): Promise<Predictions> {
  const engine = launch();
  return new Promise<Predictions>((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      engine.send({ type: 'shutdown' });
      setTimeout(() => engine.kill('SIGKILL'), 2000).unref();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(new LabError('unavailable', `The engine gave no predictions within ${Math.round(timeoutMs / 1000)} s`))), timeoutMs);
    timer.unref();
    engine.onMessage((m: EngineToHost) => {
      if (m.type === 'ready') engine.send({ type: 'predict', spec, checkpoint, count });
      else if (m.type === 'predictions') {
        const { type: _type, ...p } = m;
        finish(() => resolve(p));
      } else if (m.type === 'error') finish(() => reject(new LabError('internal', `The engine could not predict: ${m.message}`)));
    });
    engine.onExit((code, signal) => finish(() => reject(new LabError('unavailable', `The engine process ${signal ? `was killed (${signal})` : `exited with code ${code}`} before it predicted`))));
  });
}
