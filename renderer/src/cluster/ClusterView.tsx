/**
 * The Cluster panel: the broker, its queue and every worker that advertises itself (name, host, backend,
 * device, busy/idle/broken, the runs it trains now, last seen), read again every second while shown. A lab
 * without a broker says how to start one with it.
 */
import type { ClusterStatus, ClusterWorker } from '../../../core/api';
import { useT } from '../i18n';
import { useClusterStatus } from './useClusterStatus';
import './cluster.css';

export function ClusterView({ active }: { active: boolean }) {
  const t = useT('cluster');
  const { status, error, at } = useClusterStatus(active, 1000);
  return (
    <section className="cluster-view" aria-labelledby="cluster-title">
      <h2 id="cluster-title">{t('title')}</h2>
      {error && <p role="alert">{t('error', { message: error })}</p>}
      {!status && !error && <p className="muted">{t('loading')}</p>}
      {status && !status.configured && <NoBroker />}
      {status?.configured && <Configured status={status} at={at ?? Date.now()} />}
    </section>
  );
}

// Commands are typed as they are in every language.
const COMMANDS = {
  serve: 'gradlab serve --broker redis://:PASSWORD@HOST:PORT',
  desktop: 'GRADLAB_BROKER=redis://:PASSWORD@HOST:PORT',
  worker: 'gradlab worker --broker redis://:PASSWORD@HOST:PORT',
  workerShort: 'gradlab worker --broker URL',
};

const QUEUE_ROWS = [
  ['waiting', 'queue.waiting'],
  ['active', 'queue.active'],
  ['delayed', 'queue.delayed'],
  ['failed', 'queue.failed'],
] as const;

const COLUMN_KEYS = [
  'col.name',
  'col.host',
  'col.backend',
  'col.device',
  'col.state',
  'col.runs',
  'col.lastSeen',
] as const;

const STATE_KEY = {
  idle: 'state.idle',
  busy: 'state.busy',
  broken: 'state.broken',
} as const satisfies Record<ClusterStatus['workers'][number]['state'], string>;

function NoBroker() {
  const t = useT('cluster');
  return (
    <div className="cluster-none">
      <p>{t('none.why')}</p>
      <p>
        {t('none.serve')} <code>{COMMANDS.serve}</code>
      </p>
      <p>
        {t('none.desktop')} <code>{COMMANDS.desktop}</code>
      </p>
      <p>
        {t('none.worker')} <code>{COMMANDS.worker}</code>
      </p>
    </div>
  );
}

function Configured({ status, at }: { status: ClusterStatus; at: number }) {
  const t = useT('cluster');
  const q = status.queue;
  const busy = status.workers.filter((w) => w.state === 'busy').length;
  return (
    <>
      <p>
        {t('broker')} <code>{status.broker}</code>
      </p>
      <section aria-labelledby="cluster-queue-title">
        <h3 id="cluster-queue-title">{t('queue.title')}</h3>
        <dl className="cluster-queue">
          {QUEUE_ROWS.map(([field, key]) => (
            <div key={field}>
              <dt>{t(key)}</dt>
              <dd aria-label={t(key)}>{q[field]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="cluster-workers-title">
        <h3 id="cluster-workers-title">{t('workers.title', { count: status.workers.length, busy })}</h3>
        {status.workers.length === 0 ? (
          <p className="muted">
            {t('workers.none')} <code>{COMMANDS.workerShort}</code>
          </p>
        ) : (
          <table aria-label={t('workers.table')}>
            <thead>
              <tr>
                {COLUMN_KEYS.map((key) => (
                  <th key={key} scope="col">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.workers.map((w) => (
                <WorkerRow key={w.name} worker={w} at={at} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function WorkerRow({ worker: w, at }: { worker: ClusterWorker; at: number }) {
  const t = useT('cluster');
  const seconds = Math.max(0, Math.round((at - Date.parse(w.lastSeen)) / 1000));
  return (
    <tr aria-label={w.name}>
      <th scope="row">{w.name}</th>
      <td>{w.host}</td>
      <td>{w.backend}</td>
      <td>{w.device}</td>
      <td>
        <span className={`worker-state worker-state-${w.state}`} title={w.error ?? undefined}>
          {t(STATE_KEY[w.state])}
        </span>
        {w.error && <div className="muted">{w.error}</div>}
      </td>
      <td>
        {t('runsOf', { count: w.runs.length, concurrency: w.concurrency })}
        {w.runs.length > 0 && <div className="muted">{w.runs.join(', ')}</div>}
      </td>
      <td>{Number.isFinite(seconds) ? t('seenAgo', { seconds }) : w.lastSeen}</td>
    </tr>
  );
}
