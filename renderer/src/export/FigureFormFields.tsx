/** The fields of the Export figure dialog, grouped as a paper's author thinks of them: file, size, text, style. */
import { useId } from 'react';
import { pngPixels } from '../../../core/shared/figure-size';
import type { LegendEntry } from './legend-entries';
import { useT } from '../i18n';
import { FONT_SUGGESTIONS, FORMATS, LEGEND_POSITIONS, SIZES, validFileName, type FigureForm } from './figure-options';

export interface FieldsProps {
  form: FigureForm;
  set: (patch: Partial<FigureForm>) => void;
}

const num = (v: string, fallback: number): number =>
  v.trim() === '' || !Number.isFinite(Number(v)) ? fallback : Number(v);

export function FormatFields({ form, set, aspect }: FieldsProps & { aspect: number | null }) {
  const t = useT('export');
  const px = pngPixels({
    size: form.size,
    widthIn: form.widthIn,
    heightIn: form.heightIn,
    aspect: aspect ?? undefined,
    dpi: form.dpi,
  });
  return (
    <>
      <fieldset className="fig-fieldset fig-formats">
        <legend>{t('fields.format')}</legend>
        {FORMATS.map((f) => (
          <label key={f.value} title={t(f.hint)}>
            <input
              type="radio"
              name="figure-format"
              value={f.value}
              checked={form.format === f.value}
              onChange={() => set({ format: f.value })}
            />
            {t(f.label)}
          </label>
        ))}
      </fieldset>
      <fieldset className="fig-fieldset">
        <legend>{t('fields.sizeGroup')}</legend>
        <label className="fig-row">
          <span>{t('fields.size')}</span>
          <select value={form.size} onChange={(e) => set({ size: e.target.value as FigureForm['size'] })}>
            {SIZES.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </label>
        {form.size === 'custom' && (
          <div className="fig-pair">
            <label className="fig-row">
              <span>{t('fields.width')}</span>
              <input
                type="number"
                min={1}
                max={30}
                step={0.05}
                value={form.widthIn}
                onChange={(e) => set({ widthIn: num(e.target.value, form.widthIn) })}
              />
            </label>
            <label className="fig-row">
              <span>{t('fields.height')}</span>
              <input
                type="number"
                min={0.5}
                max={30}
                step={0.05}
                value={form.heightIn}
                onChange={(e) => set({ heightIn: num(e.target.value, form.heightIn) })}
              />
            </label>
          </div>
        )}
        <label className="fig-row">
          <span>{t('fields.dpi')}</span>
          <input
            type="number"
            min={36}
            max={2400}
            step={1}
            value={form.dpi}
            disabled={form.format !== 'png'}
            onChange={(e) => set({ dpi: Math.round(num(e.target.value, form.dpi)) })}
          />
        </label>
        <p className="fig-hint">
          {form.format === 'png' ? t('fields.pixels', { width: px.width, height: px.height }) : t('fields.dpiNote')}
        </p>
      </fieldset>
    </>
  );
}

export function TextFields({
  form,
  set,
  defaults,
}: FieldsProps & { defaults: { title?: string; xLabel?: string; yLabel?: string } }) {
  const t = useT('export');
  const fontsId = useId();
  return (
    <fieldset className="fig-fieldset">
      <legend>{t('fields.text')}</legend>
      <div className="fig-pair">
        <label className="fig-row">
          <span>{t('fields.fontFamily')}</span>
          <input
            list={fontsId}
            value={form.fontFamily}
            maxLength={64}
            onChange={(e) => set({ fontFamily: e.target.value })}
          />
        </label>
        <datalist id={fontsId}>
          {FONT_SUGGESTIONS.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        <label className="fig-row fig-narrow">
          <span>{t('fields.fontSize')}</span>
          <input
            type="number"
            min={4}
            max={36}
            step={0.5}
            value={form.fontSize}
            onChange={(e) => set({ fontSize: num(e.target.value, form.fontSize) })}
          />
        </label>
      </div>
      <p className="fig-hint">{t('fields.fontNote')}</p>
      <label className="fig-check">
        <input type="checkbox" checked={form.showTitle} onChange={(e) => set({ showTitle: e.target.checked })} />
        {t('fields.showTitle')}
      </label>
      <label className="fig-row">
        <span>{t('fields.title')}</span>
        <input
          value={form.title}
          disabled={!form.showTitle}
          placeholder={defaults.title ?? ''}
          maxLength={300}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label className="fig-row">
        <span>{t('fields.xLabel')}</span>
        <input
          value={form.xLabel}
          placeholder={defaults.xLabel ?? ''}
          maxLength={300}
          onChange={(e) => set({ xLabel: e.target.value })}
        />
      </label>
      <label className="fig-row">
        <span>{t('fields.yLabel')}</span>
        <input
          value={form.yLabel}
          placeholder={defaults.yLabel ?? ''}
          maxLength={300}
          onChange={(e) => set({ yLabel: e.target.value })}
        />
      </label>
    </fieldset>
  );
}

export function StyleFields({ form, set }: FieldsProps) {
  const t = useT('export');
  return (
    <fieldset className="fig-fieldset">
      <legend>{t('fields.style')}</legend>
      <label className="fig-row">
        <span>{t('fields.palette')}</span>
        <select value={form.palette} onChange={(e) => set({ palette: e.target.value as FigureForm['palette'] })}>
          <option value="okabe-ito">{t('fields.okabeIto')}</option>
          <option value="greyscale">{t('fields.greyscale')}</option>
        </select>
      </label>
      <label className="fig-check">
        <input type="checkbox" checked={form.dashes} onChange={(e) => set({ dashes: e.target.checked })} />
        {t('fields.dashes')}
      </label>
      <div className="fig-pair">
        <label className="fig-row fig-narrow">
          <span>{t('fields.lineWidth')}</span>
          <input
            type="number"
            min={0.25}
            max={4}
            step={0.25}
            value={form.lineWidth}
            onChange={(e) => set({ lineWidth: num(e.target.value, form.lineWidth) })}
          />
        </label>
        <label className="fig-row">
          <span>{t('fields.yScale')}</span>
          <select value={form.logY} onChange={(e) => set({ logY: e.target.value as FigureForm['logY'] })}>
            <option value="default">{t('fields.chartDefault')}</option>
            <option value="linear">{t('fields.linear')}</option>
            <option value="log">{t('fields.log')}</option>
          </select>
        </label>
      </div>
      <label className="fig-row">
        <span>{t('fields.legend')}</span>
        <select value={form.legend} onChange={(e) => set({ legend: e.target.value as FigureForm['legend'] })}>
          {LEGEND_POSITIONS.map((l) => (
            <option key={l.value} value={l.value}>
              {t(l.label)}
            </option>
          ))}
        </select>
      </label>
      <label className="fig-check">
        <input type="checkbox" checked={form.grid} onChange={(e) => set({ grid: e.target.checked })} />
        {t('fields.grid')}
      </label>
    </fieldset>
  );
}

export function LegendFields({ form, set, entries }: FieldsProps & { entries: readonly LegendEntry[] }) {
  const t = useT('export');
  if (!entries.length) return null;
  return (
    <fieldset className="fig-fieldset">
      <legend>{t('fields.legendNames')}</legend>
      {entries.map((e) => (
        <label key={e.key} className="fig-legend-row">
          <span className="fig-legend-key">{e.label}</span>
          <input
            aria-label={t('fields.legendNameFor', { name: e.label })}
            value={form.legendNames[e.key] ?? ''}
            placeholder={e.label}
            maxLength={200}
            onChange={(ev) => set({ legendNames: { ...form.legendNames, [e.key]: ev.target.value } })}
          />
        </label>
      ))}
    </fieldset>
  );
}

export function FileNameField({ form, set }: FieldsProps) {
  const t = useT('export');
  const ok = validFileName(form.fileName);
  return (
    <label className="fig-row">
      <span>{t('fields.fileName')}</span>
      <input value={form.fileName} aria-invalid={!ok} onChange={(e) => set({ fileName: e.target.value })} />
      <span className="fig-ext">.{form.format}</span>
      {!ok && <span className="form-error">{t('fields.fileNameRule')}</span>}
    </label>
  );
}
