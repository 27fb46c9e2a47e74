/** The argument names an ICU message takes, shared by the tests that hold both languages' catalogs alike. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

function collect(ast: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const el of ast) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const o of Object.values(el.options)) collect(o.value, into);
    if (el.type === TYPE.tag) collect(el.children, into);
  }
  return into;
}

/** Names of the arguments a message takes ({name}, {count, plural, …}, <b>…</b> tags), nested ones included; throws on invalid ICU. */
export function icuPlaceholders(message: string): Set<string> {
  return collect(parse(message), new Set());
}
