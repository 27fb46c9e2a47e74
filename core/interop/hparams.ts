/**
 * A run's spec as TensorBoard HParams: every scalar leaf of the spec as a dotted name (`model.cell`,
 * `train.lr`), and an experiment that lists the fields that differ between the exported runs (a sweep's
 * swept fields) as columns and the final losses as metrics, the layout summary_v2.hparams_config writes.
 */
export type HParamValue = string | number | boolean;

/** Scalar leaves of a spec (or any JSON object) by dotted path; the name is a label, not a hyperparameter. */
export function flattenSpec(
  value: unknown,
  prefix = '',
  out = new Map<string, HParamValue>(),
): Map<string, HParamValue> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flattenSpec(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix && prefix !== 'name' && value !== undefined) {
    out.set(
      prefix,
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value),
    );
  }
  return out;
}

/** google.protobuf.Value as protobufjs' fromObject takes it (its bundled well-known types are camelCase). */
export function protoValue(v: HParamValue): object {
  return typeof v === 'number' ? { numberValue: v } : typeof v === 'boolean' ? { boolValue: v } : { stringValue: v };
}

const DATA_TYPE = { string: 1, boolean: 2, number: 3 } as const;

/** The experiment: the fields that vary across the specs (all of them when only one run is exported). */
export function experimentOf(
  flats: readonly Map<string, HParamValue>[],
  metrics: readonly string[],
  createdSecs: number,
): object {
  const names = [...new Set(flats.flatMap((f) => [...f.keys()]))];
  const varying = names.filter((n) => new Set(flats.map((f) => JSON.stringify(f.get(n) ?? null))).size > 1);
  const columns = flats.length > 1 && varying.length > 0 ? varying : names;
  return {
    time_created_secs: createdSecs,
    hparam_infos: columns.map((name) => {
      const values = [
        ...new Map(
          flats.flatMap((f) => (f.has(name) ? [[JSON.stringify(f.get(name)), f.get(name) as HParamValue]] : [])),
        ).values(),
      ];
      const kind = typeof values[0] as 'string' | 'number' | 'boolean';
      return { name, type: DATA_TYPE[kind] ?? 1, domain_discrete: { values: values.map(protoValue) } };
    }),
    metric_infos: metrics.map((tag) => ({
      name: { group: '', tag },
      display_name: tag,
      dataset_type: tag.startsWith('heldout') ? 2 : 1,
    })),
  };
}
