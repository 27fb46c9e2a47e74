/** One replication: the paper, what it reported (with where), Run, what the lab measured, the verdict and the figures. */
import { useState } from 'react';
import type { Replication, ReplicationScale, ReplicationVerdict } from '../../../core/api/replications';
import { getLab } from '../api/lab';
import { LessonFigure } from '../lessons/LessonFigure';
import { errorMessage } from '../../../core/shared/errors';

export const VERDICT_TEXT: Record<ReplicationVerdict, string> = {
  reproduced: '✓ Reproduced',
  partly: '◐ Partly reproduced',
  not_reproduced: '✕ Not reproduced',
};
const PROVENANCE: Record<Replication['published'][number]['provenance'], string> = {
  quoted: 'quoted from the paper',
  'second-hand': 'second-hand',
  computed: 'computed from the paper’s formula',
  'not-found': 'not found: no number quoted',
};

function value(v: number | null): string {
  if (v === null) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(2);
  return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toPrecision(4)));
}

export function ReplicationDetail({
  replication: r,
  scale,
  onStarted,
}: {
  replication: Replication;
  scale: ReplicationScale;
  onStarted: (r: Replication) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const running = r.state === 'running';
  const res = r.result;
  const pct =
    running && r.progress && r.progress.total > 0 ? Math.min(100, (100 * r.progress.done) / r.progress.total) : null;

  const run = async () => {
    setStarting(true);
    setError(null);
    try {
      onStarted(await getLab().runReplication({ id: r.id, scale }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <article className="lesson-detail" aria-labelledby={`replication-${r.id}-title`}>
      <header className="lesson-head">
        <h2 id={`replication-${r.id}-title`}>{r.paper.title}</h2>
      </header>
      <p className="muted replication-ref">
        {r.paper.authors} ({r.paper.year}). {r.paper.venue}.{' '}
        <a href={r.paper.url} target="_blank" rel="noreferrer">
          {r.paper.url}
        </a>
      </p>
      <p className="lesson-claim">{r.claim}</p>

      <section aria-label="Published" className="replication-published">
        <h3>Published</h3>
        <table className="lesson-measurements">
          <tbody>
            {r.published.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{value(p.value)}</td>
                <td>
                  {p.text}
                  <div className="muted replication-source">
                    {p.source} · <em>{PROVENANCE[p.provenance]}</em>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label="Set-up" className="replication-setup">
        <h3>Set-up</h3>
        <p className="lesson-plan">{r.setup[scale]}</p>
        <ul className="replication-differences">
          {r.setup.differences.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      </section>

      <div className="lesson-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={running || starting}>
          {running ? 'Running…' : `Run the ${scale} form${scale === 'full' ? ' here' : ''}`}
        </button>
        <button
          type="button"
          disabled={!r.cluster.available}
          title={r.cluster.available ? undefined : r.cluster.reason}
          aria-describedby={`cluster-${r.id}`}
        >
          Run on the cluster
        </button>
        {!r.cluster.available && (
          <span id={`cluster-${r.id}`} className="muted replication-cluster-reason">
            {r.cluster.reason}
          </span>
        )}
        {running && (
          <div className="lesson-progress">
            <div
              className="lesson-progress-bar"
              role="progressbar"
              aria-label="Replication progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct === null ? undefined : Math.round(pct)}
            >
              <span style={{ width: `${pct ?? 0}%` }} />
            </div>
            <span className="muted">
              {pct === null
                ? 'starting…'
                : `${Math.round(pct)}% · ${r.progress?.done ?? 0} of ${r.progress?.total ?? 0} training steps`}
            </span>
          </div>
        )}
      </div>
      {(error ?? r.error) && (
        <p className="field-issue" role="alert">
          {error ?? r.error}
        </p>
      )}

      {res && (
        <section className={`lesson-result replication-border-${res.verdict}`} aria-label="Measured">
          <h3>
            Measured · <span className={`verdict-badge verdict-${res.verdict}`}>{VERDICT_TEXT[res.verdict]}</span>
          </h3>
          <p className="lesson-headline">{res.headline}</p>
          <p className="muted lesson-meta">
            {res.scale} form · {Math.round(res.durationMs / 1000)} s · finished{' '}
            {new Date(res.finishedAt).toLocaleString()}
          </p>
          <table className="lesson-measurements">
            <tbody>
              {res.measured.map((m, i) => (
                <tr key={i}>
                  <th scope="row">{m.label}</th>
                  <td>{value(m.value)}</td>
                  <td className="muted">{m.unit ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="lesson-figures">
            {res.figures.map((f, i) => (
              <LessonFigure key={`${i}:${f.chart}`} figure={f} version={res.finishedAt} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}
