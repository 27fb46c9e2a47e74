/**
 * What differs between the compared runs: their outcome, then only the spec fields that are not equal
 * across all of them (the rest is noise when asking "why did this one vanish?").
 */
import type { ReactNode } from 'react';
import type { RunDetail } from '../../../core/api/records';
import { formatDuration, formatMetric } from '../../../core/shared/format';
import { StatusChip } from '../runs/StatusChip';
import { lineStyle } from '../../../core/shared/palette';
import { differingPaths, flattenSpec } from './spec-diff';

export interface SpecDiffTableProps {
  runs: readonly RunDetail[];
}

const OUTCOME: { label: string; value: (r: RunDetail) => ReactNode; numeric?: boolean }[] = [
  {
    label: 'status',
    value: (r) => <StatusChip status={r.status} progress={{ done: r.stepsDone, total: r.stepsTotal }} />,
  },
  { label: 'steps', value: (r) => `${r.stepsDone} / ${r.stepsTotal}`, numeric: true },
  { label: 'final loss', value: (r) => formatMetric(r.final.loss), numeric: true },
  { label: 'held-out loss', value: (r) => formatMetric(r.final.heldoutLoss), numeric: true },
  { label: 'horizon', value: (r) => formatMetric(r.final.horizon), numeric: true },
  { label: 'wall time', value: (r) => formatDuration(r.final.wallMs), numeric: true },
];

export function SpecDiffTable({ runs }: SpecDiffTableProps) {
  const flats = runs.map((r) => flattenSpec(r.spec));
  const paths = differingPaths(flats);
  return (
    <section className="compare-section" aria-labelledby="spec-diff-heading">
      <h3 id="spec-diff-heading">Differences between runs</h3>
      <div className="diff-scroll">
        <table className="diff-table" aria-label="Spec fields that differ">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {runs.map((r, i) => (
                <th scope="col" key={r.id}>
                  <span className="swatch" style={{ background: lineStyle(i).color }} aria-hidden="true" />
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="diff-group">
              <th scope="rowgroup" colSpan={runs.length + 1}>
                Outcome
              </th>
            </tr>
            {OUTCOME.map((o) => (
              <tr key={o.label}>
                <th scope="row">{o.label}</th>
                {runs.map((r) => (
                  <td key={r.id} className={o.numeric ? 'num' : ''}>
                    {o.value(r)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="diff-group">
              <th scope="rowgroup" colSpan={runs.length + 1}>
                Spec fields that differ
              </th>
            </tr>
            {runs.length > 1 && paths.length === 0 && (
              <tr>
                <td colSpan={runs.length + 1} className="muted">
                  The specs are identical (names aside): any difference in the curves comes from the engine or its
                  backend.
                </td>
              </tr>
            )}
            {runs.length === 1 && (
              <tr>
                <td colSpan={runs.length + 1} className="muted">
                  Add another run to see how their specs differ.
                </td>
              </tr>
            )}
            {paths.map((p) => (
              <tr key={p}>
                <th scope="row" className="mono">
                  {p}
                </th>
                {flats.map((f, i) => (
                  <td key={runs[i]?.id ?? i} className="mono">
                    {f.get(p) ?? '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
