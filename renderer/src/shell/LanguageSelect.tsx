/** The header's language switch: labelled in both languages, so a reader of either finds it. */
import { LANGS, isLang } from '../../../core/shared/lang';
import { setLang, useT } from '../i18n';
import { useLang } from '../i18n/useLang';

export function LanguageSelect() {
  const t = useT('shell');
  const lang = useLang();
  const names = { en: t('language.en'), 'zh-CN': t('language.zh-CN') } as const;
  return (
    <select
      className="language-select"
      aria-label={t('language.label')}
      title={t('language.label')}
      value={lang}
      onChange={(e) => {
        if (isLang(e.target.value)) void setLang(e.target.value);
      }}
    >
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l}>
          {names[l]}
        </option>
      ))}
    </select>
  );
}
