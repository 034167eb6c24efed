/** Midnight UTC of a day, for formatting it as a calendar day (years below 100 included). */
function dayDate(day) {
    const [y, m, d] = day.split('-').map(Number);
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    return date;
}
export function dateFormatter(settings) {
    const { language, dateFormat } = settings;
    const monthName = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    // The year as written (0050, not 50) where the language's own pattern would shorten it.
    const month = (m) => {
        const date = dayDate(`${m}-01`);
        return Number(m.slice(0, 4)) >= 1000 ? monthYear.format(date) : `${monthName.format(date)} ${m.slice(0, 4)}`;
    };
    if (dateFormat === 'iso') {
        return {
            day: (day) => day,
            month,
            dateTime(instant, day, hasTime, zone) {
                if (!hasTime)
                    return day;
                const p = zone.parts(instant);
                return `${day} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
            },
        };
    }
    const dayStyle = new Intl.DateTimeFormat(language, { dateStyle: dateFormat, timeZone: 'UTC' });
    const withTime = new Intl.DateTimeFormat(language, { dateStyle: dateFormat, timeStyle: 'short', timeZone: settings.timezone });
    return {
        day: (day) => dayStyle.format(dayDate(day)),
        month,
        dateTime: (instant, day, hasTime) => (hasTime ? withTime.format(new Date(instant)) : dayStyle.format(dayDate(day))),
    };
}
//# sourceMappingURL=dates.js.map