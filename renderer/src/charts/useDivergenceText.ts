/** The words of a divergence marker, from the charts catalog: "diverged at step 412 (grad:layer0.Wh)". */
import { useT } from '../i18n';
import type { DivergenceText } from './curves';

export function useDivergenceText(): DivergenceText {
  const t = useT('charts');
  return (d) =>
    d.runLabel
      ? t('divergedRun', { run: d.runLabel, step: d.step, tensor: d.tensor })
      : t('diverged', { step: d.step, tensor: d.tensor });
}
