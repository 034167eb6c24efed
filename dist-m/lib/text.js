/** Short descriptions of values for messages. */
/** A value as a message names it: `a list`, `a mapping`, `number 12`. */
export function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${truncate(String(value))}`;
}
export function truncate(text, max = 60) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** A front-matter `lang` that is a well-formed BCP 47 language tag (`en`, `fr-CA`), else undefined. */
export function languageTag(value) {
    if (typeof value !== 'string')
        return undefined;
    const tag = value.trim();
    return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}
/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line ends, U+FFFE, U+FFFF, lone
 * surrogates), and those HTML refuses besides (DEL and the C1 controls, which mojibake
 * leaves; the other noncharacters): text that reaches pages and feeds keeps to what both accept.
 */
const NOT_XML = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF\\p{Cs}\\p{Noncharacter_Code_Point}]';
/** Not global: a global regular expression keeps a position between calls. */
const FIRST_NOT_XML = new RegExp(NOT_XML, 'u');
/** `text` without the characters XML cannot carry (feeds would be invalid with them). */
export function xmlSafe(text) {
    return FIRST_NOT_XML.test(text) ? text.replace(new RegExp(NOT_XML, 'gu'), '') : text;
}
/** Every character XML (or HTML) cannot carry in `text`, once each, as U+XXXX. */
export function notXmlChars(text) {
    if (!FIRST_NOT_XML.test(text))
        return [];
    return [...new Set(text.match(new RegExp(NOT_XML, 'gu')))].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
/** The first character XML cannot carry in `text`, as U+XXXX, if any. */
export function notXmlChar(text) {
    const m = FIRST_NOT_XML.exec(text);
    return m ? `U+${m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
//# sourceMappingURL=text.js.map