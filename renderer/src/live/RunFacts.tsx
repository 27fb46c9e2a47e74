/**
 * What the run is and where it stands, in numbers: the spec in one glance and the latest measurements, so a
 * researcher reading the curves need not switch back to the builder to recall what they are looking at.
 */
import type { ReactNode } from 'react';
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CLIP_NAMES,
  INIT_NAMES,
  OPTIMIZER_NAMES,
  TASK_NAMES,
  nameOf,
  seqLenLabel,
} from '../builder/names';
import { lastFinite } from '../charts/curves';
import { formatNumber } from '../../../core/shared/format';
import type { RunBuffer } from './run-buffer';
import { formatDuration } from '../../../core/shared/format';
import { useLang } from '../i18n/useLang';
import { useT } from '../i18n';

function latest(buffer: RunBuffer, metric: string): string {
  const c = buffer.metrics.get(metric);
  const v = c ? lastFinite(c.value) : undefined;
  return v === undefined ? '–' : formatNumber(v);
}

export function RunFacts({ buffer }: { buffer: RunBuffer }) {
  const t = useT('live');
  const lang = useLang();
  const spec = buffer.spec;
  const profile = buffer.profiles.at(-1);
  const l0 = profile?.layers[0];
  const h = l0?.hNorms;
  const ratio = h && h.length && (h[h.length - 1] ?? 0) > 0 ? (h[0] ?? 0) / (h[h.length - 1] as number) : undefined;
  const wall = buffer.run?.final.wallMs;
  const rows: [string, ReactNode][] = [];
  if (spec) {
    const task = spec.task;
    rows.push([
      t('facts.task'),
      `${nameOf(TASK_NAMES, task.kind)}${'seqLen' in task && task.seqLen !== undefined ? `, ${seqLenLabel(task.kind, task.seqLen)}` : ''}`,
    ]);
    rows.push([
      t('facts.model'),
      t('facts.modelValue', {
        cell: nameOf(CELL_NAMES, spec.model.cell),
        activation: nameOf(ACTIVATION_NAMES, spec.model.activation),
        layers: spec.model.layers,
        hidden: spec.model.hidden,
      }),
    ]);
    rows.push([
      t('facts.init'),
      `${t('facts.initValue', {
        wh: nameOf(INIT_NAMES, spec.model.init.recurrent),
        wx: nameOf(INIT_NAMES, spec.model.init.input),
        gain: spec.model.init.gain,
      })}${spec.model.init.spectralRadius !== undefined ? `, ρ = ${spec.model.init.spectralRadius}` : ''}`,
    ]);
    rows.push([
      t('facts.training'),
      t('facts.trainingValue', {
        optimizer: nameOf(OPTIMIZER_NAMES, spec.train.optimizer),
        lr: spec.train.lr,
        batch: spec.train.batch,
        seed: spec.train.seed,
      }),
    ]);
    rows.push([
      t('facts.clipping'),
      spec.train.clip.mode === 'none'
        ? nameOf(CLIP_NAMES, 'none')
        : t('facts.clipValue', {
            mode: nameOf(CLIP_NAMES, spec.train.clip.mode),
            threshold: spec.train.clip.threshold,
          }),
    ]);
  }
  const measured: [string, string][] = [
    [t('facts.loss'), latest(buffer, 'loss')],
    [t('facts.heldoutLoss'), latest(buffer, 'heldoutLoss')],
    [t('facts.gradNorm'), latest(buffer, 'gradNorm')],
    [t('facts.horizon'), l0 ? t('facts.horizonValue', { steps: l0.horizon }) : '–'],
    ['‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', ratio !== undefined ? formatNumber(ratio) : '–'],
    [
      t('facts.sigma'),
      l0?.sigmaMax !== undefined
        ? `${formatNumber(l0.sigmaMax)} · ${l0.spectralRadius !== undefined ? formatNumber(l0.spectralRadius) : '–'}`
        : '–',
    ],
    [t('facts.saturated'), l0?.saturation !== undefined ? `${formatNumber(100 * l0.saturation, 2)} %` : '–'],
    [t('facts.wall'), wall !== undefined ? formatDuration(wall, lang) : '–'],
  ];
  return (
    <section className="chart run-facts" aria-labelledby="run-facts-title">
      <h3 id="run-facts-title" className="chart-title">
        {t('facts.title')}
      </h3>
      <div className="facts-columns">
        <dl>
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <dl>
          {measured.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      {profile && (
        <p className="muted facts-note">
          {(profile.layers.length ?? 0) > 1
            ? t('facts.noteLayer', { step: profile.step })
            : t('facts.note', { step: profile.step })}
        </p>
      )}
    </section>
  );
}
