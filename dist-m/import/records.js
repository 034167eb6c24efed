import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toMdast } from 'hast-util-to-mdast';
import { toString } from 'hast-util-to-string';
import { toMarkdown } from 'mdast-util-to-markdown';
import { markdownToHast } from '../markdown/processor.js';
import { parseDate } from '../parse/dates.js';
const APACHE_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * A date in any form real exports use: epoch seconds, milliseconds or
 * microseconds; ISO 8601; the Apache log form `10/Oct/2000:13:55:36 +0300`.
 */
export function readBookmarkDate(raw, zone) {
    if (raw === undefined || raw === null)
        return undefined;
    const text = String(raw).trim();
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text)) {
        const n = Number(text);
        // Some exporters write 0 for "no date".
        if (n === 0)
            return undefined;
        // By magnitude: seconds until 5138 CE, then milliseconds, then microseconds.
        const ms = n >= 1e14 ? n / 1000 : n >= 1e11 ? n : n * 1000;
        if (!Number.isFinite(ms))
            return { unreadable: text };
        return { instant: Math.round(ms), hasTime: true };
    }
    const apache = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})\s*([+-]\d{2}):?(\d{2})$/.exec(text);
    if (apache) {
        const month = APACHE_MONTHS.indexOf(apache[2].toLowerCase());
        if (month < 0)
            return { unreadable: text };
        const sign = apache[7].startsWith('-') ? -1 : 1;
        const offset = sign * (Math.abs(Number(apache[7])) * 60 + Number(apache[8])) * 60_000;
        const utc = Date.UTC(Number(apache[3]), month, Number(apache[1]), Number(apache[4]), Number(apache[5]), Number(apache[6]));
        return { instant: utc - offset, hasTime: true, offset: offset / 60_000 };
    }
    const parsed = parseDate(text, zone);
    if (typeof parsed === 'string') {
        // Last resort for RFC 2822 and similar forms some tools write.
        const ms = Date.parse(text);
        return Number.isNaN(ms) || !/\d{4}/.test(text) ? { unreadable: text } : { instant: ms, hasTime: true, offset: offsetOf(text) };
    }
    return parsed.hasTime ? { instant: parsed.instant, hasTime: true, offset: offsetOf(text) } : { instant: parsed.instant, hasTime: false };
}
/** The UTC offset written at the end of a date-time (`-0500`, `+02:00`), in minutes; `Z` and none give undefined. */
export function offsetOf(text) {
    const m = /\d\s*([+-])(\d{2}):?(\d{2})?$/.exec(text.trim());
    if (!m)
        return undefined;
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return minutes >= 24 * 60 ? undefined : (m[1] === '-' ? -1 : 1) * minutes;
}
/** An instant as an ISO 8601 date-time at a fixed offset (minutes east of UTC). */
export function isoAtOffset(instant, offset) {
    const d = new Date(instant + offset * 60_000);
    const p2 = (n) => String(n).padStart(2, '0');
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}
/** The calendar day (`YYYY-MM-DD`) of an instant at a fixed offset. */
export function dayAtOffset(instant, offset) {
    return isoAtOffset(instant, offset).slice(0, 10);
}
/** Tags as exporters write them: comma-separated when there is a comma, else space-separated. */
export function splitTags(raw) {
    if (!raw)
        return [];
    const parts = raw.includes(',') ? raw.split(',') : raw.split(/\s+/);
    return parts.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean);
}
/**
 * Escapes plain text so that Markdown shows it as written: blank lines part paragraphs,
 * a single line break stays a line break (a hard break), and spaces at either end of a
 * line are dropped (Markdown would otherwise need `&#x20;` to keep them).
 */
export function textToMarkdown(text) {
    const clean = text.replace(/\r\n?/g, '\n').trim();
    if (!clean)
        return '';
    const paragraphs = clean
        .split(/\n[ \t]*\n\s*/)
        .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean))
        .filter((lines) => lines.length > 0);
    const tree = {
        type: 'root',
        children: paragraphs.map((lines) => ({
            type: 'paragraph',
            children: lines.flatMap((value, i) => (i === 0 ? [{ type: 'text', value }] : [{ type: 'break' }, { type: 'text', value }])),
        })),
    };
    return toMarkdown(tree).trim();
}
/** HTML character references decoded (`We&#39;ll` → `We'll`), nothing else touched: `<b>` stays text. */
export function decodeEntities(text) {
    if (!text.includes('&'))
        return text;
    return toString(fromHtml(text.replaceAll('<', '&lt;'), { fragment: true }));
}
/** HTML commentary → Markdown, through the sanitiser first: nothing that runs script survives. */
export function htmlToMarkdown(html) {
    const tree = sanitize(fromHtml(html, { fragment: true }));
    const mdast = toMdast(tree);
    return toMarkdown(mdast, { bullet: '-', emphasis: '_', rule: '-' }).trim();
}
const MAY_RUN_SCRIPT = /<\s*(script|iframe|object|embed|style|form|svg|math|base|meta|link)\b|\son[a-z]+\s*=|javascript\s*:|data\s*:\s*text\/html/i;
/**
 * Markdown whose raw HTML could run script is passed through the sanitiser
 * (Markdown → sanitised HTML → Markdown). Other Markdown is kept as written.
 */
export function safeMarkdown(markdown) {
    markdown = unclosedScriptAsText(markdown);
    if (!MAY_RUN_SCRIPT.test(markdown))
        return markdown;
    const mdast = toMdast(markdownToHast(markdown));
    return toMarkdown(mdast, { bullet: '-', emphasis: '_', rule: '-' }).trim();
}
/**
 * `<script>` never closed is prose about the tag ("a bunch of <script> tags"), and no browser
 * runs a script without its end tag: it is kept as the text it is, not dropped with what follows.
 */
function unclosedScriptAsText(markdown) {
    if (!/<script\b/i.test(markdown) || /<\/script\s*>/i.test(markdown))
        return markdown;
    // Outside code (fenced blocks, `spans`), where `<script>` is shown as written anyway.
    const code = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$|(`+)(?!`)[\s\S]*?[^`]\2(?!`)/gm;
    let out = '';
    let at = 0;
    for (const m of markdown.matchAll(code)) {
        out += markdown.slice(at, m.index).replace(/<(script\b)/gi, '&lt;$1') + m[0];
        at = m.index + m[0].length;
    }
    return out + markdown.slice(at).replace(/<(script\b)/gi, '&lt;$1');
}
/** What sanitising took out of `before` (giving `after`): elements and attributes that could run script, and words. */
export function droppedBySanitiser(before, after) {
    // (`&lt;script` is a `<script` kept as text)
    const risky = (t) => (t.match(/(?:<|&lt;)\s*(?:script|iframe|object|embed|style|form|svg|math|base|meta|link)\b|\son[a-z]+\s*=|javascript\s*:/gi) ?? []).map((m) => /^(<|&lt;)/.test(m) ? `<${m.replace(/^(<|&lt;)\s*/, '').toLowerCase()}>` : m.trim().replace(/\s+/g, '').toLowerCase());
    const left = new Map();
    for (const m of risky(after))
        left.set(m, (left.get(m) ?? 0) + 1);
    const markup = [];
    for (const m of risky(before)) {
        const n = left.get(m) ?? 0;
        if (n > 0)
            left.set(m, n - 1);
        else
            markup.push(m);
    }
    return { markup: [...new Set(markup)], words: lostWords(before, after) };
}
/** Words of `before` (Markdown, tags left out) that `after` no longer has: what the sanitiser dropped. */
export function lostWords(before, after) {
    // (character references are not words: `&#123;` may come back as `{`)
    const words = (t) => t.replace(/<[^>]*>|&#?[a-z0-9]+;/gi, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const kept = new Set(words(after));
    return [...new Set(words(before))].filter((w) => !kept.has(w));
}
/** Does this text hold HTML markup (rather than plain text)? */
export function looksLikeHtml(text) {
    return /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(text);
}
//# sourceMappingURL=records.js.map