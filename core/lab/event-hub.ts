/** Fan-out of LabEvents to every subscriber; one failing listener never silences the others. */
import type { LabEvent } from '../api';

export type Listener = (event: LabEvent) => void;

export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  emit(event: LabEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        console.error('gradlab: an event listener failed:', e);
      }
    }
  }
}
