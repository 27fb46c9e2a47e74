/** Compare's view settings, kept outside the component so they survive switching tabs and back. */
import { useSyncExternalStore } from 'react';
import type { GroupMode, XMode } from './chart-model';
import type { ProbeChoice } from './useProfiles';

export interface CompareSettings {
  group: GroupMode;
  /** EMA weight, 0 = off. */
  smoothing: number;
  x: XMode;
  lossMetrics: ('loss' | 'heldoutLoss')[];
  logY: { loss: boolean; gradnorm: boolean; horizon: boolean; profile: boolean };
  probe: ProbeChoice;
  layer: number;
}

const initial: CompareSettings = {
  group: 'none',
  smoothing: 0,
  x: 'step',
  lossMetrics: ['loss', 'heldoutLoss'],
  // The figures' defaults: gradient norms on log axes, loss and horizon linear.
  logY: { loss: false, gradnorm: true, horizon: false, profile: true },
  probe: 'latest',
  layer: 0,
};

let state = initial;
const listeners = new Set<() => void>();

export function updateCompareSettings(patch: Partial<CompareSettings>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useCompareSettings(): CompareSettings {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
