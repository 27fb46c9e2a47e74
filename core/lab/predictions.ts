/**
 * Predictions of a stored model, asked of an engine process of its own (a run never trains in it meanwhile):
 * it says `ready`, answers one `predict` with `predictions` (or `error`), and goes back to the pool.
 */
import type { ExperimentSpec } from '../api';
import { LabError } from '../api/errors';
import type { Checkpoint, EngineToHost } from '../engine/protocol';
import type { Predictions } from '../engine/predict';
import type { LeaseEngine } from './engine-pool';

export type { Predictions };

export function requestPredictions(
  launch: LeaseEngine,
  spec: ExperimentSpec,
  checkpoint: Checkpoint,
  count: number,
  timeoutMs = 120_000,
): Promise<Predictions> {
  const engine = launch();
  return new Promise<Predictions>((resolve, reject) => {
    let settled = false;
    /** answered: the engine replied and is idle again; otherwise it is not to be trusted with more work. */
    const finish = (answered: boolean, f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      engine.release(answered);
      f();
    };
    const timer = setTimeout(
      () =>
        finish(false, () =>
          reject(
            new LabError('unavailable', `The engine gave no predictions within ${Math.round(timeoutMs / 1000)} s`),
          ),
        ),
      timeoutMs,
    );
    timer.unref();
    engine.onMessage((m: EngineToHost) => {
      if (m.type === 'ready') engine.send({ type: 'predict', spec, checkpoint, count });
      else if (m.type === 'predictions') {
        const { type: _type, ...p } = m;
        finish(true, () => resolve(p));
      } else if (m.type === 'error')
        finish(false, () => reject(new LabError('internal', `The engine could not predict: ${m.message}`)));
    });
    engine.onExit((code, signal) =>
      finish(false, () =>
        reject(
          new LabError(
            'unavailable',
            `The engine process ${signal ? `was killed (${signal})` : `exited with code ${code}`} before it predicted`,
          ),
        ),
      ),
    );
  });
}
