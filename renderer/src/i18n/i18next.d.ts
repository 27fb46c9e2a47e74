import type { EnglishCatalog } from './resources';

// Keys of t() calls are checked against the English catalogs at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: EnglishCatalog;
  }
}
