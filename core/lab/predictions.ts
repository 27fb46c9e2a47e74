/**
 * Predictions of a stored model, asked of an engine process of its own (a run never trains in it meanwhile):
 * it says `ready`, answers one `predict` with `predictions` (or `error`), and goes back to the pool.
 */
import type { ExperimentSpec } from '../api';
import { labError } from '../api/errors';
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
          reject(labError('unavailable', 'predict.timeout', { seconds: String(Math.round(timeoutMs / 1000)) })),
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
        finish(false, () => reject(labError('internal', 'predict.failed', { detail: m.message })));
    });
    engine.onExit((code, signal) =>
      finish(false, () =>
        reject(
          signal
            ? labError('unavailable', 'predict.killed', { signal: String(signal) })
            : labError('unavailable', 'predict.exited', { code: String(code) }),
        ),
      ),
    );
  });
}
