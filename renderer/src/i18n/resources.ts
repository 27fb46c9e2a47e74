/**
 * The window's message catalogs: one JSON file per area and language (locales/<lang>/<area>.json), so that
 * work on different areas never edits the same file. Messages are ICU MessageFormat ({count, plural, …}).
 * The English catalogs are the reference: their keys type-check every t() call (see i18next.d.ts).
 */
import en_common from './locales/en/common.json';
import zh_common from './locales/zh-CN/common.json';
import en_shell from './locales/en/shell.json';
import zh_shell from './locales/zh-CN/shell.json';
import en_builder from './locales/en/builder.json';
import zh_builder from './locales/zh-CN/builder.json';
import en_runs from './locales/en/runs.json';
import zh_runs from './locales/zh-CN/runs.json';
import en_compare from './locales/en/compare.json';
import zh_compare from './locales/zh-CN/compare.json';
import en_charts from './locales/en/charts.json';
import zh_charts from './locales/zh-CN/charts.json';
import en_live from './locales/en/live.json';
import zh_live from './locales/zh-CN/live.json';
import en_export from './locales/en/export.json';
import zh_export from './locales/zh-CN/export.json';
import en_lessons from './locales/en/lessons.json';
import zh_lessons from './locales/zh-CN/lessons.json';
import en_replications from './locales/en/replications.json';
import zh_replications from './locales/zh-CN/replications.json';
import en_cluster from './locales/en/cluster.json';
import zh_cluster from './locales/zh-CN/cluster.json';
import en_errors from './locales/en/errors.json';
import zh_errors from './locales/zh-CN/errors.json';

export const NAMESPACES = [
  'common',
  'shell',
  'builder',
  'runs',
  'compare',
  'charts',
  'live',
  'export',
  'lessons',
  'replications',
  'cluster',
  'errors',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

const en = {
  common: en_common,
  shell: en_shell,
  builder: en_builder,
  runs: en_runs,
  compare: en_compare,
  charts: en_charts,
  live: en_live,
  export: en_export,
  lessons: en_lessons,
  replications: en_replications,
  cluster: en_cluster,
  errors: en_errors,
};

const zhCN: Record<Namespace, Record<string, unknown>> = {
  common: zh_common,
  shell: zh_shell,
  builder: zh_builder,
  runs: zh_runs,
  compare: zh_compare,
  charts: zh_charts,
  live: zh_live,
  export: zh_export,
  lessons: zh_lessons,
  replications: zh_replications,
  cluster: zh_cluster,
  errors: zh_errors,
};

export const RESOURCES = { en, 'zh-CN': zhCN } as const;
export type EnglishCatalog = typeof en;
