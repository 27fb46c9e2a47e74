/**
 * engineInfo(): asked of a real engine process once (backend loading is the engine's own business), then
 * cached. The engine that answered goes back to the pool, warm for the first run.
 */
import { LabError, labError, type EngineInfo } from '../api';
import type { LeaseEngine } from './engine-pool';

export function engineInfoProbe(launch: LeaseEngine, timeoutMs = 120_000): () => Promise<EngineInfo> {
  let cached: Promise<EngineInfo> | null = null;
  const ask = () =>
    new Promise<EngineInfo>((resolve, reject) => {
      const engine = launch();
      let settled = false;
      const timer = setTimeout(
        () => finish(labError('unavailable', 'engine.infoTimeout', { seconds: String(timeoutMs / 1000) })),
        timeoutMs,
      );
      const finish = (result: EngineInfo | LabError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        engine.release(!(result instanceof LabError));
        if (result instanceof LabError) reject(result);
        else resolve(result);
      };
      engine.onMessage((m) => {
        if (m.type === 'ready') finish(m.info);
        else if (m.type === 'error') finish(labError('unavailable', 'engine.startFailed', { detail: m.message }));
      });
      engine.onExit((code, signal) =>
        finish(labError('unavailable', 'engine.exitedEarly', { code: String(code), signal: String(signal) })),
      );
    });
  return () => {
    cached ??= ask().catch((e: unknown) => {
      cached = null; // a failed start is retried on the next call
      throw e;
    });
    return cached;
  };
}
