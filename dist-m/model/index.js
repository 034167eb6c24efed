import { compareStrings } from '../lib/diagnostics.js';
import { groupDays, groupMonths, groupYears, lastmodOf } from './calendar.js';
import { buildChecks, checkDiagnostics } from './checks.js';
import { buildTags, slugMemo } from './tags.js';
export { groupDays, lastmodOf, paginate } from './calendar.js';
/** Newest first; ties broken by slug then source path so the order never depends on the disk. */
export function compareEntries(a, b) {
    return b.date.instant - a.date.instant || compareStrings(a.slug, b.slug) || compareStrings(a.source, b.source);
}
/** Checks every entry (drafts included), then builds the model of what gets published. */
export function buildModel(all, settings, options = {}) {
    const drafts = Boolean(options.drafts);
    const slugOf = slugMemo();
    const checks = buildChecks(all, slugOf, settings.idAuthority);
    const entries = all.filter((e) => drafts || !e.draft).sort(compareEntries);
    const site = siteOf(settings, entries, groupDays(entries), buildTags(entries, slugOf));
    return { site, drafts, checks, diagnostics: checkDiagnostics(checks, slugOf) };
}
export function siteOf(settings, entries, days, tags) {
    const months = groupMonths(days);
    const years = groupYears(months);
    return { settings, entries, days, months, years, tags, tagsByKey: new Map(tags.map((t) => [t.key, t])), lastmod: lastmodOf(entries) };
}
//# sourceMappingURL=index.js.map