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
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';
import { specValueName } from '../builder/names';
import type { Lang } from '../../../core/shared/lang';

export interface SpecDiffTableProps {
  runs: readonly RunDetail[];
}

type OutcomeKey = 'status' | 'steps' | 'finalLoss' | 'heldoutLoss' | 'horizon' | 'wallTime';

const OUTCOME: {
  key: OutcomeKey;
  label: `outcome.${OutcomeKey}`;
  value: (r: RunDetail, lang: Lang) => ReactNode;
  numeric?: boolean;
}[] = [
  {
    key: 'status',
    label: 'outcome.status',
    value: (r) => <StatusChip status={r.status} progress={{ done: r.stepsDone, total: r.stepsTotal }} />,
  },
  { key: 'steps', label: 'outcome.steps', value: (r) => `${r.stepsDone} / ${r.stepsTotal}`, numeric: true },
  { key: 'finalLoss', label: 'outcome.finalLoss', value: (r) => formatMetric(r.final.loss), numeric: true },
  { key: 'heldoutLoss', label: 'outcome.heldoutLoss', value: (r) => formatMetric(r.final.heldoutLoss), numeric: true },
  { key: 'horizon', label: 'outcome.horizon', value: (r) => formatMetric(r.final.horizon), numeric: true },
  {
    key: 'wallTime',
    label: 'outcome.wallTime',
    value: (r, lang) => formatDuration(r.final.wallMs, lang),
    numeric: true,
  },
];

const nameOrDash = (path: string, value: string | undefined): string =>
  value === undefined ? '—' : specValueName(path, value);

export function SpecDiffTable({ runs }: SpecDiffTableProps) {
  const t = useT('compare');
  const lang = useLang();
  const flats = runs.map((r) => flattenSpec(r.spec));
  const paths = differingPaths(flats);
  return (
    <section className="compare-section" aria-labelledby="spec-diff-heading">
      <h3 id="spec-diff-heading">{t('diff.heading')}</h3>
      <div className="diff-scroll">
        <table className="diff-table" aria-label={t('diff.fields')}>
          <thead>
            <tr>
              <th scope="col">{t('diff.field')}</th>
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
                {t('diff.outcome')}
              </th>
            </tr>
            {OUTCOME.map((o) => (
              <tr key={o.key}>
                <th scope="row">{t(o.label)}</th>
                {runs.map((r) => (
                  <td key={r.id} className={o.numeric ? 'num' : ''}>
                    {o.value(r, lang)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="diff-group">
              <th scope="rowgroup" colSpan={runs.length + 1}>
                {t('diff.fields')}
              </th>
            </tr>
            {runs.length > 1 && paths.length === 0 && (
              <tr>
                <td colSpan={runs.length + 1} className="muted">
                  {t('diff.identical')}
                </td>
              </tr>
            )}
            {runs.length === 1 && (
              <tr>
                <td colSpan={runs.length + 1} className="muted">
                  {t('diff.addAnother')}
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
                    {nameOrDash(p, f.get(p))}
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
