import { describe, truncate } from '../lib/text.js';
import { daysInMonth, utc } from '../lib/time.js';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
/**
 * Reads a front-matter date. Values arrive as strings because front matter is
 * parsed without YAML's timestamp type: a date-only `2026-11-24` must stay that
 * calendar day in every timezone, which a UTC Date cannot promise.
 */
export function parseDate(value, zone) {
    if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
            return 'is not a valid date';
        return outOfRange(value.toISOString(), value.getTime(), zone) ?? { instant: value.getTime(), day: zone.day(value.getTime()), hasTime: true };
    }
    if (typeof value !== 'string') {
        return `must be a date like 2026-11-26 or 2026-11-26T09:30:00+01:00, not ${describe(value)}`;
    }
    const text = value.trim();
    const d = DATE_ONLY.exec(text);
    if (d) {
        const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
        if (!validDay(y, m, day))
            return `'${text}' is not a calendar date`;
        const instant = zone.instant({ year: y, month: m, day, hour: 0, minute: 0, second: 0 }, 0);
        return outOfRange(text, instant, zone) ?? { instant, day: text, hasTime: false };
    }
    const t = DATE_TIME.exec(text);
    if (!t) {
        return `'${truncate(text)}' is not a date: use 2026-11-26 or an ISO 8601 date-time such as 2026-11-26T09:30:00+01:00`;
    }
    const [y, m, day, h, min] = [1, 2, 3, 4, 5].map((i) => Number(t[i]));
    const s = t[6] === undefined ? 0 : Number(t[6]);
    const ms = t[7] === undefined ? 0 : Math.floor(Number(`0.${t[7]}`) * 1000);
    if (!validDay(y, m, day))
        return `'${text}' is not a calendar date`;
    if (h > 23 || min > 59 || s > 60)
        return `'${text}' is not a valid time of day`;
    const parts = { year: y, month: m, day, hour: h, minute: min, second: Math.min(s, 59) };
    let instant;
    const given = t[8];
    if (given === undefined) {
        instant = zone.instant(parts, ms);
    }
    else {
        const offset = given === 'Z' || given === 'z' ? 0 : parseOffset(given);
        if (offset === undefined)
            return `'${text}' has an invalid UTC offset`;
        instant = utc(y, m, day, h, min, parts.second, ms) - offset;
    }
    return outOfRange(text, instant, zone) ?? { instant, day: zone.day(instant), hasTime: true };
}
/**
 * Pages and feeds write years with four digits: a date whose day in the site's timezone,
 * or whose instant in UTC (feeds), falls outside 0001–9999 is refused.
 */
function outOfRange(text, instant, zone) {
    const local = Number(zone.day(instant).slice(0, -6));
    const utcYear = new Date(instant).getUTCFullYear();
    if (Number.isNaN(instant) || !(local >= 1 && local <= 9999 && utcYear >= 1 && utcYear <= 9999)) {
        return `'${truncate(text)}' falls outside the years 0001–9999 (in the site's timezone ${zone.name}, or in UTC)`;
    }
    return undefined;
}
function parseOffset(zone) {
    const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!m)
        return undefined;
    const hours = Number(m[2]);
    const minutes = m[3] === undefined ? 0 : Number(m[3]);
    if (hours > 23 || minutes > 59)
        return undefined;
    return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
function validDay(y, m, d) {
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
//# sourceMappingURL=dates.js.map