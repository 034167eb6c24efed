/**
 * The build's pages step: the site's own pages (pages/…) parsed and their Markdown
 * rendered, through the same processor and sanitiser as entries. A site has a handful,
 * so they are done on the main thread on every full build.
 */
import type { Settings } from '../config/settings.js';
import { absoluteUrl } from '../config/urls.js';
import { error, warning, type Diagnostic } from '../lib/diagnostics.js';
import type { PageSources } from '../load/pages.js';
import { renderBody } from '../markdown/render-body.js';
import { packageTemplateNames, type TemplateSources } from '../load/templates.js';
import { parsePage } from '../parse/page.js';
import { nearest, unusedTemplates } from '../render/template-use.js';
import type { PageDoc } from '../plan/types.js';


/** Also names the site's templates that no page renders with. */
export function pagesStep(sources: PageSources, settings: Settings, templateSources: TemplateSources): { pages: PageDoc[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = sources.skipped.map((s) => warning(s.path, undefined, 'page-skipped', `skipped: ${s.why}`));
  const pages: PageDoc[] = [];
  const requested = new Set<string>();
  for (const file of sources.files) {
    const r = parsePage(file);
    diagnostics.push(...r.diagnostics);
    if (!r.page) continue;
    const { page } = r;
    requested.add(page.template);
    if (!templateSources.has(page.template)) {
      diagnostics.push(error(page.source, page.lines.template ?? 1, 'unknown-template', `no template '${page.template}'${hint(nearest(page.template, [...templateSources.keys()].filter((n) => !n.startsWith('_'))))}: add templates/${page.template}.eta, or leave template out for the page template`));
      continue;
    }
    // A page's title is its <h1>: its body's headings start at <h2> (`page`).
    const ctx = { permalink: absoluteUrl(settings, page.route), baseUrl: settings.baseUrl, basePath: settings.basePath, idPrefix: '', embeds: settings.embeds };
    const html = renderBody(page.body, ctx);
    for (const w of html.warnings ?? []) diagnostics.push(warning(page.source, page.lines.body + w.line - 1, w.code, w.message));
    pages.push({ page, html: html.page });
  }
  diagnostics.push(...unusedTemplates(templateSources, packageTemplateNames(), requested));
  return { pages, diagnostics };
}

const hint = (near: string | undefined) => (near ? ` (did you mean '${near}'?)` : '');
