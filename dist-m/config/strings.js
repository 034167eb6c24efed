/**
 * The words readers see, by language. The tables are linklog's `strings/<language>.yaml`
 * files (read by load/strings.ts); a site overrides any key under `strings:` in
 * linklog.yaml. A value is text with `{name}` slots, or a mapping of plural forms chosen
 * by `{count}` with the language's plural rules.
 */
export const DEFAULT_LANGUAGE = 'en';
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** English, then the language (`fr` for `fr-CA`), then the exact tag, then the site's own. */
export function resolveStrings(tables, language, overrides = {}) {
    const base = language.split('-')[0].toLowerCase();
    return { ...tables.get(DEFAULT_LANGUAGE), ...tables.get(base), ...tables.get(language.toLowerCase()), ...overrides };
}
/** Checks the `strings:` setting; `known`: the keys of the English table, when read. */
export function checkStrings(v, known) {
    if (!v || typeof v !== 'object' || Array.isArray(v))
        return 'must be a mapping of string keys to text (see strings/en.yaml for the keys)';
    for (const [key, value] of Object.entries(v)) {
        if (known && !known.has(key))
            return `has an unknown key '${key}' (the keys are those of linklog's strings/en.yaml)`;
        if (typeof value === 'string')
            continue;
        if (!value || typeof value !== 'object' || Array.isArray(value))
            return `'${key}' must be text, or plural forms (one:, other:)`;
        const forms = Object.entries(value);
        if (!forms.every(([form, text]) => PLURAL_FORMS.includes(form) && typeof text === 'string') || !('other' in value)) {
            return `'${key}' must map plural forms (zero, one, two, few, many, other; other is needed) to text`;
        }
    }
    return undefined;
}
/** A translator for one build or plan: its plural rules are made once, when first needed. */
export function translator(settings) {
    let rules;
    return {
        t(key, vars = {}) {
            const value = settings.strings[key];
            if (value === undefined)
                return key;
            let text;
            if (typeof value === 'string')
                text = value;
            else {
                rules ??= new Intl.PluralRules(settings.language);
                text = value[rules.select(Number(vars.count))] ?? value.other;
            }
            return text.replace(/\{(\w+)\}/g, (slot, name) => (name in vars ? String(vars[name]) : slot));
        },
    };
}
//# sourceMappingURL=strings.js.map