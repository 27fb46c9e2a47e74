/**
 * Replications: the classic papers' results re-run in the lab. The five papers on the left (with their
 * verdicts), the chosen one on the right: the reference, what it reported, what the lab measured.
 */
import { useState } from 'react';
import type { ReplicationId, ReplicationScale } from '../../../core/api/replications';
import { ReplicationDetail } from './ReplicationDetail';
import { useT } from '../i18n';
import { VERDICT_KEY } from './keys';
import { useReplications } from './useReplications';
import '../lessons/lessons.css';
import './replications.css';

export function ReplicationsView() {
  const { replications, loading, error, put } = useReplications();
  const [selected, setSelected] = useState<ReplicationId | null>(null);
  const [scale, setScale] = useState<ReplicationScale>('reduced');
  const current = replications.find((r) => r.id === selected) ?? replications[0];
  const t = useT('replications');

  if (error) return <p className="field-issue">{t('loadError', { error })}</p>;
  if (loading && replications.length === 0) return <p className="muted">{t('loading')}</p>;

  return (
    <div className="lessons">
      <nav className="lesson-list" aria-label={t('listLabel')}>
        <ol>
          {replications.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                aria-current={r.id === current?.id ? 'true' : undefined}
                onClick={() => setSelected(r.id)}
              >
                <span className="lesson-list-title">
                  {r.paper.authors.split(',')[0]} {r.paper.year}
                </span>
                <span className="muted replication-list-title">{r.paper.title}</span>
                <span
                  className={`verdict-badge ${r.result ? `verdict-${r.result.verdict}` : `lesson-state-${r.state}`}`}
                >
                  {r.state === 'running' ? t('running') : r.result ? t(VERDICT_KEY[r.result.verdict]) : t('notRun')}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <fieldset className="lesson-scale">
          <legend>{t('form')}</legend>
          <label>
            <input
              type="radio"
              name="replication-scale"
              checked={scale === 'reduced'}
              onChange={() => setScale('reduced')}
            />{' '}
            {t('formReduced')}
          </label>
          <label>
            <input type="radio" name="replication-scale" checked={scale === 'full'} onChange={() => setScale('full')} />{' '}
            {t('formFull')}
          </label>
          <label>
            <input
              type="radio"
              name="replication-scale"
              checked={scale === 'smallest'}
              onChange={() => setScale('smallest')}
            />{' '}
            {t('formSmallest')}
          </label>
        </fieldset>
      </nav>
      {current && <ReplicationDetail replication={current} scale={scale} onStarted={put} />}
    </div>
  );
}
