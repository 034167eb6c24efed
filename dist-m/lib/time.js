/** Calendar days and instants in an IANA timezone, via Intl (no clock is ever read). */
/** A timezone by IANA name; throws a RangeError for an unknown one. */
export function zone(name) {
    const format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
    });
    const parts = (instant) => {
        const p = {};
        let bc = false;
        for (const part of format.formatToParts(new Date(instant))) {
            if (part.type === 'era')
                bc = part.value.startsWith('B');
            else if (part.type !== 'literal')
                p[part.type] = Number(part.value);
        }
        return { year: bc ? 1 - p.year : p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
    };
    const offset = (instant) => {
        const p = parts(instant);
        return utc(p.year, p.month, p.day, p.hour, p.minute, p.second, 0) - Math.floor(instant / 1000) * 1000;
    };
    return {
        name,
        parts,
        offset,
        day: (instant) => {
            const p = parts(instant);
            return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
        },
        instant: (p, ms) => {
            const wall = utc(p.year, p.month, p.day, p.hour, p.minute, p.second, ms);
            let guess = wall - offset(wall);
            const again = wall - offset(guess);
            if (again !== guess)
                guess = Math.max(again, guess);
            return guess;
        },
    };
}
export function isValidTimeZone(name) {
    try {
        zone(name);
        return true;
    }
    catch {
        return false;
    }
}
/** Date.UTC for every year, 0–99 included (Date.UTC reads those as 1900–1999). */
export function utc(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, ms);
    return d.getTime();
}
export const pad = (n, w = 2) => String(n).padStart(w, '0');
/** RFC 3339 in UTC, without fractional seconds when there are none. */
export function rfc3339(instant) {
    const iso = new Date(instant).toISOString();
    return iso.endsWith('.000Z') ? iso.slice(0, -5) + 'Z' : iso;
}
export function daysInMonth(year, month) {
    return new Date(utc(year, month + 1, 0)).getUTCDate();
}
//# sourceMappingURL=time.js.map