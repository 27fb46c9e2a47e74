/**
 * Export figure: the settings form beside a live preview of the exact SVG the host renders (PNG and PDF are
 * drawn from that same SVG). Saving asks the host for the file and downloads it; "Save settings" writes the
 * settings as JSON for `gradlab figure --settings`, which then produces the same bytes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { RunDetail } from '../../../core/api/records';
import { getLab } from '../api/lab';
import { downloadText, saveFile } from '../ui/download';
import { FigureFormFields } from './FigureForm';
import {
  CHART_TITLE_KEYS,
  initialForm,
  toSettings,
  validFileName,
  type FigureChart,
  type FigureForm,
  type FigureSettingsDefaults,
} from './figure-options';
import { legendEntries } from './legend-entries';
import { Dialog } from '../ui/Dialog';
import { usePreview } from './usePreview';
import './export.css';
import { useT } from '../i18n';
import { useErrorText } from '../ui/useErrorText';

export interface ExportFigureDialogProps {
  runIds: readonly string[];
  chart: FigureChart;
  settingsDefaults?: FigureSettingsDefaults | undefined;
  onClose: () => void;
}

function cliCommand(runIds: readonly string[], chart: FigureChart, form: FigureForm): string {
  const out = `${validFileName(form.fileName) ? form.fileName : `gradlab-${chart}`}.${form.format}`;
  return `gradlab figure --runs ${runIds.join(',')} --chart ${chart} --format ${form.format} --settings ${form.fileName}.settings.json --out ${out}`;
}

export function ExportFigureDialog({ runIds, chart, settingsDefaults = {}, onClose }: ExportFigureDialogProps) {
  const t = useT('export');
  const common = useT('common');
  const errorText = useErrorText();
  const chartName = t(CHART_TITLE_KEYS[chart]);
  const [form, setForm] = useState<FigureForm>(() => initialForm(settingsDefaults, chart));
  const [details, setDetails] = useState<RunDetail[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [actualSize, setActualSize] = useState(false);
  const [defaults, setDefaults] = useState<{ title?: string; xLabel?: string; yLabel?: string }>({});
  const set = (patch: Partial<FigureForm>) => setForm((f) => ({ ...f, ...patch }));

  const defaultsKey = JSON.stringify(settingsDefaults);
  const settings = useMemo(
    () => toSettings(form, JSON.parse(defaultsKey) as FigureSettingsDefaults),
    [form, defaultsKey],
  );
  const preview = usePreview(runIds, chart, settings);

  // Placeholders show the chart's own labels: take each from a preview rendered without an override of it.
  useEffect(() => {
    const w = preview.renderedWith;
    if (!w) return;
    setDefaults((d) => ({
      title: w.title === undefined ? preview.labels.title : d.title,
      xLabel: w.xLabel === undefined ? preview.labels.xLabel : d.xLabel,
      yLabel: w.yLabel === undefined ? preview.labels.yLabel : d.yLabel,
    }));
  }, [preview.renderedWith, preview.labels]);

  const idsKey = runIds.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(idsKey.split(',').map((runId) => getLab().getRun({ runId })))
      .then((d) => live && setDetails(d))
      .catch(() => live && setDetails([]));
    return () => {
      live = false;
    };
  }, [idsKey]);
  const entries = useMemo(() => legendEntries(chart, details, settingsDefaults), [chart, details, settingsDefaults]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await getLab().exportFigure({ runIds: [...runIds], chart, format: form.format, settings });
      saveFile(file);
      // A pgfplots figure's CSV data: saved too, to go in the same folder as the .tex.
      for (const c of file.companions ?? []) saveFile(c);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const saveSettings = () => {
    const json = JSON.stringify(settings, null, 2) + '\n';
    downloadText(`${validFileName(form.fileName) ? form.fileName : `gradlab-${chart}`}.settings.json`, json);
  };

  return (
    <Dialog
      title={t('title', { chart: chartName })}
      onClose={onClose}
      className="export-dialog"
      actions={
        <>
          {error && (
            <span role="alert" className="form-error export-error">
              {error}
            </span>
          )}
          <button type="button" className="act-btn" onClick={saveSettings}>
            {t('actions.saveSettings')}
          </button>
          <button type="button" className="act-btn" onClick={onClose}>
            {common('cancel')}
          </button>
          <button
            type="button"
            className="act-btn act-primary"
            disabled={busy || !validFileName(form.fileName)}
            onClick={() => void save()}
          >
            {busy ? t('actions.exporting') : t('actions.save', { format: form.format.toUpperCase() })}
          </button>
        </>
      }
    >
      <div className="export-body">
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FigureFormFields form={form} set={set} aspect={preview.aspect} defaults={defaults} entries={entries} />
        </form>
        <div className="export-preview">
          <label className="fig-check">
            <input type="checkbox" checked={actualSize} onChange={(e) => setActualSize(e.target.checked)} />
            {t('preview.actualSize')}
          </label>
          <div className={`export-preview-frame${actualSize ? ' actual-size' : ''}`} aria-busy={preview.loading}>
            {preview.src ? (
              <img src={preview.src} alt={t('preview.alt', { chart: chartName })} />
            ) : (
              <p className="muted">{t('preview.rendering')}</p>
            )}
          </div>
          <p className="fig-hint">
            {t('preview.note')} {form.format === 'csv' ? t('preview.csvNote') : t('preview.vectorNote')}
          </p>
          {preview.error && (
            <p role="alert" className="form-error">
              {preview.error}
            </p>
          )}
          <details className="export-cli">
            <summary>{t('preview.cli')}</summary>
            <code>{cliCommand(runIds, chart, form)}</code>
          </details>
        </div>
      </div>
    </Dialog>
  );
}
