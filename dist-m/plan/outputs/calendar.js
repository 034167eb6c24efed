/** The calendar: a page per day, month and year, and the archive of every year and month. */
import { href, routes } from '../../config/urls.js';
import { groupDays } from '../../model/index.js';
import { translator } from '../../config/strings.js';
import { dateFormatter } from '../../render/dates.js';
import { dayTitle } from '../../render/strings.js';
import { pageFile, siteFeedLinks } from '../page.js';
import { sameItems } from '../../lib/same.js';
export const calendarPages = {
    name: 'calendar',
    plan({ site, settings, keep, memo }) {
        const h = (route) => href(settings, route);
        const feeds = siteFeedLinks(settings);
        const tr = translator(settings);
        const dates = dateFormatter(settings);
        const monthName = dates.month;
        const files = [];
        site.days.forEach((d, i) => {
            // Days are listed newest first: the previous day in time is the next in the list.
            const older = site.days[i + 1]?.day;
            const newer = site.days[i - 1]?.day;
            const page = keep(d.day, d, `${newer}\0${older}\0${feeds.key}`, () => [
                pageFile('calendar', {
                    route: routes.day(d.day),
                    template: 'day',
                    title: dayTitle(tr, dates, d.day),
                    feeds,
                    entries: d.entries,
                    values: [newer, older],
                    lastmod: d.lastmod,
                    description: tr.t('description.day', { count: d.entries.length, day: dates.day(d.day) }),
                    data: (views, entries) => ({
                        day: views.day({ day: d.day, entries }),
                        older: older && { title: dayTitle(tr, dates, older), href: h(routes.day(older)) },
                        newer: newer && { title: dayTitle(tr, dates, newer), href: h(routes.day(newer)) },
                    }),
                }),
            ]);
            files.push(page);
        });
        // A month page stands while its days are the same objects (the model shares a day nothing touched).
        const months = memo(() => ({ feedsKey: '', made: new Map() }));
        if (months.feedsKey !== feeds.key)
            months.made.clear();
        months.feedsKey = feeds.key;
        const live = new Set();
        for (const m of site.months) {
            live.add(m.month);
            const last = months.made.get(m.month);
            if (last && sameItems(last.days, m.days)) {
                files.push(last.spec);
                continue;
            }
            const spec = pageFile('calendar', {
                route: routes.month(m.month),
                template: 'month',
                title: tr.t('month.title', { month: monthName(m.month) }),
                feeds,
                entries: m.days.flatMap((d) => d.entries),
                lastmod: m.lastmod,
                data: (views, entries) => ({
                    month: m.month,
                    name: monthName(m.month),
                    count: entries.length,
                    days: groupDays(entries).map(views.day),
                    yearHref: h(routes.year(m.month.slice(0, 4))),
                }),
            });
            months.made.set(m.month, { days: m.days, spec });
            files.push(spec);
        }
        if (months.made.size > live.size)
            for (const key of months.made.keys())
                if (!live.has(key))
                    months.made.delete(key);
        for (const y of site.years) {
            files.push(pageFile('calendar', {
                route: routes.year(y.year),
                template: 'year',
                title: tr.t('year.title', { year: y.year }),
                feeds,
                // Shows counts only: its data depends on them, not on the entries' content.
                entries: [],
                values: [y.months.map((m) => `${m.month}:${m.days.map((d) => `${d.day}=${d.entries.length}`).join(',')}`).join(';')],
                lastmod: y.lastmod,
                data: () => ({
                    year: y.year,
                    count: y.count,
                    months: y.months.map((m) => ({
                        month: m.month,
                        name: monthName(m.month),
                        href: h(routes.month(m.month)),
                        count: m.count,
                        days: m.days.map((d) => ({ day: d.day, href: h(routes.day(d.day)), count: d.entries.length })),
                    })),
                }),
            }));
        }
        files.push(pageFile('calendar', {
            route: routes.archive(),
            template: 'archive',
            title: tr.t('archive.title'),
            feeds,
            entries: [],
            values: [site.months.map((m) => `${m.month}=${m.count}`).join(',')],
            lastmod: site.lastmod,
            data: () => ({
                count: site.entries.length,
                years: site.years.map((y) => ({
                    year: y.year,
                    href: h(routes.year(y.year)),
                    count: y.count,
                    months: y.months.map((m) => ({ month: m.month, name: monthName(m.month), href: h(routes.month(m.month)), count: m.count })),
                })),
            }),
        }));
        return files;
    },
};
//# sourceMappingURL=calendar.js.map