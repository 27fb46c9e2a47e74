import { useT } from '../i18n';
import { errorText } from './error-text';

/** errorText, re-rendered when the language changes. */
export function useErrorText(): (e: unknown) => string {
  useT('errors');
  return errorText;
}
