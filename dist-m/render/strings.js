export function dayTitle(tr, dates, day) {
    return tr.t('day.title', { day: dates.day(day) });
}
//# sourceMappingURL=strings.js.map