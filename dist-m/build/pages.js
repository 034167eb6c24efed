import { absoluteUrl } from '../config/urls.js';
import { error, warning } from '../lib/diagnostics.js';
import { renderBody } from '../markdown/render-body.js';
import { packageTemplateNames } from '../load/templates.js';
import { parsePage } from '../parse/page.js';
import { nearest, unusedTemplates } from '../render/template-use.js';
/** Also names the site's templates that no page renders with. */
export function pagesStep(sources, settings, templateSources) {
    const diagnostics = sources.skipped.map((s) => warning(s.path, undefined, 'page-skipped', `skipped: ${s.why}`));
    const pages = [];
    const requested = new Set();
    for (const file of sources.files) {
        const r = parsePage(file);
        diagnostics.push(...r.diagnostics);
        if (!r.page)
            continue;
        const { page } = r;
        requested.add(page.template);
        if (!templateSources.has(page.template)) {
            diagnostics.push(error(page.source, page.lines.template ?? 1, 'unknown-template', `no template '${page.template}'${hint(nearest(page.template, [...templateSources.keys()].filter((n) => !n.startsWith('_'))))}: add templates/${page.template}.eta, or leave template out for the page template`));
            continue;
        }
        // A page's title is its <h1>: its body's headings start at <h2> (`page`).
        const ctx = { permalink: absoluteUrl(settings, page.route), baseUrl: settings.baseUrl, basePath: settings.basePath, idPrefix: '', embeds: settings.embeds };
        const html = renderBody(page.body, ctx);
        for (const w of html.warnings ?? [])
            diagnostics.push(warning(page.source, page.lines.body + w.line - 1, w.code, w.message));
        pages.push({ page, html: html.page });
    }
    diagnostics.push(...unusedTemplates(templateSources, packageTemplateNames(), requested));
    return { pages, diagnostics };
}
const hint = (near) => (near ? ` (did you mean '${near}'?)` : '');
//# sourceMappingURL=pages.js.map