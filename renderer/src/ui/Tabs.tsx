/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop for the tab list, arrow keys (and Home/End) move
 * between tabs and select them. Every panel stays mounted (hidden when not selected), so a half-built spec or
 * a followed run survives a look at another tab.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  panel: ReactNode;
}

export interface TabsProps<T extends string> {
  tabs: TabDef<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Rendered beside the tab list (the engine badge). */
  aside?: ReactNode;
  title: ReactNode;
}

export function Tabs<T extends string>({ tabs, selected, onSelect, aside, title }: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const to =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <>
      <header className="app-header">
        {title}
        <nav role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
              }}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === selected}
              aria-controls={`panel-${t.id}`}
              tabIndex={t.id === selected ? 0 : -1}
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        {aside}
      </header>
      {tabs.map((t) => (
        <main
          key={t.id}
          id={`panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          className="app-main"
          hidden={t.id !== selected}
        >
          {t.panel}
        </main>
      ))}
    </>
  );
}
