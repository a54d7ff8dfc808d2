/** Filling a message template: the one syntax every catalogue of LiveCue's copy uses (the UI's and the co-pilot's). */
export type MessageParams = Record<string, string | number>;

// `{count|problem|problems}`: the word for `count`, by the language's plural rules (Chinese has one form).
const pluralForm = /\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g;
const placeholder = /\{(\w+)\}/g;

/**
 * Fills `{name}` placeholders and `{name|one|other}` plural choices; a missing parameter stays visible rather than
 * vanishing. A count given already formatted ("1,234") is read back as its number.
 */
export function fillPlaceholders(template: string, params: MessageParams = {}, plurals?: Intl.PluralRules): string {
  const chosen = template.replace(pluralForm, (whole, name: string, one: string, other: string) => {
    if (!(name in params)) return whole;
    const n = Number(String(params[name]).replace(/[,\s]/g, ''));
    return plurals && Number.isFinite(n) && plurals.select(n) === 'one' ? one : other;
  });
  return chosen.replace(placeholder, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The parameter names a template uses (plain and plural), sorted and each once: two translations must use the same. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(pluralForm)) names.add(m[1]!);
  for (const m of template.replace(pluralForm, '').matchAll(placeholder)) names.add(m[1]!);
  return [...names].sort();
}
