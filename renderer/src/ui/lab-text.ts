/** The lab's own messages (core/shared/lab-messages.ts) in the window's language. */
import { IntlMessageFormat } from 'intl-messageformat';
import { isLabText, type LabText } from '../../../core/shared/errors';
import { LAB_MESSAGES } from '../../../core/shared/lab-messages';
import { isLang, type Lang } from '../../../core/shared/lang';
import { i18n } from '../i18n';

const currentLang = (): Lang => (isLang(i18n.language) ? i18n.language : 'en');

/**
 * A LabText said in `lang`, or null when it is not one this window knows (a newer lab's id, bad values):
 * the caller then shows the English message that came with it.
 */
export function sayLabText(text: unknown, lang: Lang = currentLang()): string | null {
  if (!isLabText(text)) return null;
  try {
    return String(new IntlMessageFormat(LAB_MESSAGES[text.id][lang], lang).format(text.values ?? {}));
  } catch {
    return null;
  }
}

export type { LabText };
