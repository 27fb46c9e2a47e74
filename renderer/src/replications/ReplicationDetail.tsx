/** One replication: the paper, what it reported (with where), Run, what the lab measured, the verdict and the figures. */
import type { Replication, ReplicationScale } from '../../../core/api/replications';
import { getLab } from '../api/lab';
import { useT } from '../i18n';
import { PROVENANCE_KEY, RUN_KEY, SCALE_KEY, VERDICT_KEY } from './keys';
import { useLang } from '../i18n/useLang';
import { formatValue, MeasurementTable, ResultFigures, RunProgress, useStart } from '../lessons/result-parts';

export function ReplicationDetail({
  replication: r,
  scale,
  onStarted,
}: {
  replication: Replication;
  scale: ReplicationScale;
  onStarted: (r: Replication) => void;
}) {
  const t = useT('replications');
  const lang = useLang();
  const start = useStart(() => getLab().runReplication({ id: r.id, scale }), onStarted);
  const onCluster = useStart(() => getLab().runReplication({ id: r.id, scale, placement: 'cluster' }), onStarted);
  const running = r.state === 'running';
  const res = r.result;

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
      <p className="lesson-claim">{r.claim[lang]}</p>

      <section aria-label={t('published')} className="replication-published">
        <h3>{t('published')}</h3>
        <table className="lesson-measurements">
          <tbody>
            {r.published.map((p) => (
              <tr key={p.label.en}>
                <th scope="row">{p.label[lang]}</th>
                <td>{formatValue(p.value, 4)}</td>
                <td>
                  {p.text[lang]}
                  <div className="muted replication-source">
                    {p.source} · <em>{t(PROVENANCE_KEY[p.provenance])}</em>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label={t('setup')} className="replication-setup">
        <h3>{t('setup')}</h3>
        <p className="lesson-plan">{r.setup[scale][lang]}</p>
        <ul className="replication-differences">
          {r.setup.differences.map((d, i) => (
            <li key={i}>{d[lang]}</li>
          ))}
        </ul>
      </section>

      <div className="lesson-actions">
        <button
          type="button"
          className="primary"
          onClick={start.run}
          disabled={running || start.starting || onCluster.starting}
        >
          {running ? t('runningButton') : t(RUN_KEY[scale])}
        </button>
        <button
          type="button"
          onClick={onCluster.run}
          disabled={!r.cluster.available || running || start.starting || onCluster.starting}
          title={r.cluster.available ? undefined : r.cluster.reason[lang]}
          aria-describedby={`cluster-${r.id}`}
        >
          {t('cluster')}
        </button>
        {!r.cluster.available && (
          <span id={`cluster-${r.id}`} className="muted replication-cluster-reason">
            {r.cluster.reason[lang]}
          </span>
        )}
        {running && r.waiting && (
          <span className="muted replication-waiting" role="status">
            {t('waitingWorker')}
          </span>
        )}
        {running && <RunProgress progress={r.progress} label={t('progressLabel')} />}
      </div>
      {(start.error ?? onCluster.error ?? r.error) && (
        <p className="field-issue" role="alert">
          {start.error ?? onCluster.error ?? r.error}
        </p>
      )}

      {res && (
        <section className={`lesson-result replication-border-${res.verdict}`} aria-label={t('measured')}>
          <h3>
            {t('measured')} ·{' '}
            <span className={`verdict-badge verdict-${res.verdict}`}>{t(VERDICT_KEY[res.verdict])}</span>
          </h3>
          <p className="lesson-headline">{res.headline[lang]}</p>
          <p className="muted lesson-meta">
            {t(SCALE_KEY[res.scale])} · {t('seconds', { s: Math.round(res.durationMs / 1000) })} ·{' '}
            {t('finished', { when: new Date(res.finishedAt).toLocaleString(lang) })}
          </p>
          <MeasurementTable rows={res.measured} digits={4} />
          <ResultFigures figures={res.figures} version={res.finishedAt} />
        </section>
      )}
    </article>
  );
}
