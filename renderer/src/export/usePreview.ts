/**
 * The live preview: the SVG the host would export with the current settings (PNG and PDF are rendered from
 * this same SVG, so it is exactly what the paper gets), fetched after the user pauses typing.
 */
import { useEffect, useState } from 'react';
import { getLab } from '../api/lab';
import { bytesToBase64 } from '../../../core/shared/wire';
import type { FigureChart } from './figure-options';
import { errorText } from '../ui/error-text';

export interface Preview {
  /** data: URL of the SVG, for an <img>. */
  src: string | null;
  /** The chart's own title and axis labels, read from the SVG, for the form's placeholders. */
  labels: { title?: string; xLabel?: string; yLabel?: string };
  /** viewBox height/width, for the PNG pixel size. */
  aspect: number | null;
  /** The settings this preview was rendered with (labels are the chart's defaults only where these lack them). */
  renderedWith: Record<string, unknown> | null;
  error: string | null;
  loading: boolean;
}

const DEBOUNCE_MS = 300;

function readLabels(svgText: string): Pick<Preview, 'labels' | 'aspect'> {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const text = (cls: string) => doc.querySelector(`text.${cls}`)?.textContent ?? undefined;
  const vb = doc.documentElement.getAttribute('viewBox')?.split(/\s+/).map(Number);
  const aspect = vb && vb.length === 4 && (vb[2] as number) > 0 ? (vb[3] as number) / (vb[2] as number) : null;
  return { labels: { title: text('title'), xLabel: text('x-label'), yLabel: text('y-label') }, aspect };
}

export function usePreview(runIds: readonly string[], chart: FigureChart, settings: Record<string, unknown>): Preview {
  const [state, setState] = useState<Preview>({
    src: null,
    labels: {},
    aspect: null,
    renderedWith: null,
    error: null,
    loading: true,
  });
  const key = JSON.stringify({ runIds, chart, settings });

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      const req = JSON.parse(key) as { runIds: string[]; chart: FigureChart; settings: Record<string, unknown> };
      getLab()
        .exportFigure({ ...req, format: 'svg' })
        .then((file) => {
          if (cancelled) return;
          const svg = new TextDecoder().decode(file.bytes);
          setState({
            src: `data:image/svg+xml;base64,${bytesToBase64(file.bytes)}`,
            ...readLabels(svg),
            renderedWith: req.settings,
            error: null,
            loading: false,
          });
        })
        .catch((e: unknown) => !cancelled && setState((s) => ({ ...s, error: errorText(e), loading: false })));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  return state;
}
