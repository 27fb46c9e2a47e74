/** Every engine test runs on the backend the engine would pick here (wasm when it loads, else cpu). */
import { initBackend } from '../../../core/engine/backend';
import type { EngineInfo } from '../../../core/api/records';

let info: Promise<EngineInfo> | null = null;
export function useBackend(): Promise<EngineInfo> {
  info ??= initBackend();
  return info;
}
