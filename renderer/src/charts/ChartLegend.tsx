/**
 * The one legend of the window's charts: a sample of each curve's exact stroke (colour, dash, marker, band),
 * an optional caption line (what every automatic name shares, core/shared/legend-text.ts, as the exported
 * figure writes it), and, given `onToggle`, entries that hide and show their curve.
 */
import { symbolPath } from '../../../core/shared/markers';
import type { LineStyle } from '../../../core/shared/palette';
import { useT } from '../i18n';
import './charts.css';

export interface LegendItem {
  /** The curve's key where the entry toggles one; else the label keys it. */
  key?: string;
  label: string;
  style: LineStyle;
  band?: boolean;
  /** 'dot': point events; 'rule': a vertical marker (divergence); default a line sample. */
  sample?: 'line' | 'dot' | 'rule';
}

export interface ChartLegendProps {
  items: readonly LegendItem[];
  caption?: string;
  hidden?: ReadonlySet<string>;
  onToggle?: (key: string) => void;
}

/** A curve's stroke sample (colour, dash, marker), also beside each run's chip in Compare. */
export function StyleSample({ style }: { style: LineStyle }) {
  return <Sample item={{ label: '', style }} />;
}

function Sample({ item }: { item: LegendItem }) {
  const { color, dash, marker } = item.style;
  return (
    <svg width="26" height="10" aria-hidden="true">
      {item.band && <rect x="0" y="1" width="26" height="8" fill={color} fillOpacity="0.15" />}
      {item.sample === 'dot' ? (
        <circle cx="13" cy="5" r="3.5" fill={color} />
      ) : item.sample === 'rule' ? (
        <line x1="13" x2="13" y1="0" y2="10" stroke={color} strokeWidth="2" strokeDasharray="3 2" />
      ) : (
        <line x1="1" x2="25" y1="5" y2="5" stroke={color} strokeWidth="2" strokeDasharray={dash} />
      )}
      {marker && item.sample !== 'dot' && item.sample !== 'rule' && (
        <path d={symbolPath(marker, 13, 5, 3)} fill="#fff" stroke={color} strokeWidth="1.2" />
      )}
    </svg>
  );
}

export function ChartLegend({ items, caption, hidden, onToggle }: ChartLegendProps) {
  const t = useT('charts');
  return (
    <div className="chart-legend">
      {caption && <p className="legend-caption">{caption}</p>}
      <ul className="legend">
        {items.map((i) => {
          const key = i.key ?? i.label;
          return (
            <li key={key}>
              {onToggle && i.key ? (
                <button
                  type="button"
                  className="legend-item"
                  aria-pressed={!hidden?.has(i.key)}
                  title={hidden?.has(i.key) ? t('legend.show') : t('legend.hide')}
                  onClick={() => onToggle(key)}
                >
                  <Sample item={i} />
                  {i.label}
                </button>
              ) : (
                <>
                  <Sample item={i} />
                  {i.label}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
