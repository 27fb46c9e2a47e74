/** Prose core sends to the window in every language the lab speaks (core/shared/lang.ts). */
import { z } from 'zod';
import { LANGS, type Lang, type Localized } from '../shared/lang';

const shape = Object.fromEntries(LANGS.map((lang) => [lang, z.string()])) as Record<Lang, z.ZodString>;

/** `{ en, 'zh-CN' }`: one string per language, none missing. */
export const LocalizedSchema: z.ZodType<Localized> = z.object(shape);

export { LANGS, DEFAULT_LANG, isLang, localize, type Lang, type Localized } from '../shared/lang';
