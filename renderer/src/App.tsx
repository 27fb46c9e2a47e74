import { useState } from 'react';
import { EngineBadge } from './shell/EngineBadge';

const TABS = ['Builder', 'Runs', 'Compare', 'Lessons'] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const [tab, setTab] = useState<Tab>('Builder');
  return (
    <div className="app">
      <header className="app-header">
        <h1>RNN Gradient Lab</h1>
        <nav role="tablist" aria-label="Views">
          {TABS.map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} aria-controls={`panel-${t}`} id={`tab-${t}`} onClick={() => setTab(t)}>
              {t}
            </button>
          ))}
        </nav>
        <EngineBadge />
      </header>
      <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="app-main">
        <p>{tab}</p>
      </main>
    </div>
  );
}
