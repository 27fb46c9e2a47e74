/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop for the tab list, arrow keys (and Home/End) move
 * between tabs and select them. Every panel stays mounted (hidden when not selected), so a half-built spec or
 * a followed run survives a look at another tab.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';

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
  const t = useT('common');
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === selected);
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
        <nav role="tablist" aria-label={t('views')} onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
              }}
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={tab.id === selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={tab.id === selected ? 0 : -1}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
            </button>
          ))}
        </nav>
        {aside}
      </header>
      {tabs.map((tab) => (
        <main
          key={tab.id}
          id={`panel-${tab.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab.id}`}
          className="app-main"
          hidden={tab.id !== selected}
        >
          {tab.panel}
        </main>
      ))}
    </>
  );
}
