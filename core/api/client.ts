/** What the renderer sees as `window.lab`: the contract's methods plus one event subscription. */
import type { LabApi } from './contract';
import type { LabEvent } from './events';

export type LabEventListener = (event: LabEvent) => void;

export type LabClient = LabApi & {
  /** Subscribes to every LabEvent; returns the unsubscribe function. */
  onEvent(listener: LabEventListener): () => void;
};

/** The envelope every binding returns, so errors keep their code and field issues across any transport. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: import('./errors').LabErrorData };
