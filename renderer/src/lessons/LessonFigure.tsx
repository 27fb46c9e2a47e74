/**
 * One figure of a lesson's result: the very SVG `gradlab lesson N --figure out.svg` writes (exportFigure with
 * the lesson's settings, a single-column figure), shown as an image, with the Export figure dialog for other
 * formats and sizes.
 */
import { useEffect, useState } from 'react';
import type { Lesson } from '../../../core/api/lessons';
import { getLab } from '../api/lab';
import { ExportFigureButton } from '../export/ExportFigureButton';
import type { FigureSettingsDefaults } from '../export/figure-options';
import { errorMessage } from '../../../core/shared/errors';
import { bytesToBase64 } from '../../../core/shared/wire';
import { useT } from '../i18n';
import { useLang } from '../i18n/useLang';

type Figure = NonNullable<Lesson['result']>['figures'][number];

export function LessonFigure({ figure, version }: { figure: Figure; version: string }) {
  const t = useT('lessons');
  const lang = useLang();
  const title = figure.title[lang];
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([figure.chart, figure.runIds, figure.settings, version, title, lang]);

  useEffect(() => {
    let live = true;
    setError(null);
    getLab()
      .exportFigure({
        runIds: figure.runIds,
        chart: figure.chart,
        format: 'svg',
        settings: { title, lang, ...figure.settings },
      })
      .then((file) => live && setSrc(`data:${file.mime};base64,${bytesToBase64(file.bytes)}`))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
    // The key covers every input of the request.
  }, [key]);

  return (
    <figure className="lesson-figure">
      <figcaption>
        <ExportFigureButton
          runIds={figure.runIds}
          chart={figure.chart}
          settingsDefaults={{ ...(figure.settings as FigureSettingsDefaults), title }}
        />
      </figcaption>
      {error ? (
        <p className="field-issue">{t('figureError', { error })}</p>
      ) : src ? (
        <img src={src} alt={title} />
      ) : (
        <p className="muted">{t('drawing')}</p>
      )}
    </figure>
  );
}
