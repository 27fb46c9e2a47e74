/**
 * Where runs and sweeps train: on this machine (the lab's engines) or on the cluster (`gradlab worker`s via
 * the broker). The cluster choice is disabled, with the reason and how to get one, when this lab has no broker.
 */
import { useEffect, useId } from 'react';
import type { Placement } from '../../../core/api';
import { useT } from '../i18n';
import { useClusterStatus } from './useClusterStatus';
import './cluster.css';

/** The choice's worker count stays fresh without a request per keystroke elsewhere in the builder. */
const REFRESH_MS = 5000;

export interface PlacementChoiceProps {
  value: Placement;
  onChange: (placement: Placement) => void;
}

export function PlacementChoice({ value, onChange }: PlacementChoiceProps) {
  const t = useT('cluster');
  const { status, error } = useClusterStatus(true, REFRESH_MS);
  const id = useId();
  const configured = status?.configured === true;
  // A choice the lab cannot honour is not kept.
  useEffect(() => {
    if (status && !status.configured && value === 'cluster') onChange('local');
  }, [status, value, onChange]);
  const workers = status?.workers.filter((w) => w.state !== 'broken').length ?? 0;
  const note = error
    ? t('placement.error', { message: error })
    : !status
      ? t('placement.checking')
      : !configured
        ? t('placement.noBroker')
        : value === 'cluster' && workers === 0
          ? t('placement.noWorkers')
          : value === 'cluster'
            ? t('placement.workers', { count: workers, broker: status.broker ?? '' })
            : null;
  return (
    <fieldset className="placement">
      <legend>{t('placement.legend')}</legend>
      <label>
        <input
          type="radio"
          name={`${id}-placement`}
          value="local"
          checked={value === 'local'}
          onChange={() => onChange('local')}
        />
        {t('placement.local')}
      </label>
      <label className={configured ? undefined : 'disabled'}>
        <input
          type="radio"
          name={`${id}-placement`}
          value="cluster"
          checked={value === 'cluster'}
          disabled={!configured}
          aria-describedby={`${id}-note`}
          onChange={() => onChange('cluster')}
        />
        {t('placement.cluster')}
      </label>
      {note && (
        <span id={`${id}-note`} className="muted placement-note">
          {note}
        </span>
      )}
    </fieldset>
  );
}
