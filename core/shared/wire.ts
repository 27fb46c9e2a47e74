/**
 * JSON on the wire keeps NaN and ±Infinity: a diverged run's numbers are data, not nulls. Structured clone
 * (IPC) carries them natively; HTTP and bundles go through this codec.
 */
const NAN = '__gradlab:NaN__';
const POS_INF = '__gradlab:+Inf__';
const NEG_INF = '__gradlab:-Inf__';

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? NAN : v > 0 ? POS_INF : NEG_INF;
    return v;
  });
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v === NAN) return Number.NaN;
    if (v === POS_INF) return Number.POSITIVE_INFINITY;
    if (v === NEG_INF) return Number.NEGATIVE_INFINITY;
    return v;
  });
}
