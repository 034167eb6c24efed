/**
 * A problem found in the author's files, printed as `path:line: message`. Every problem
 * has a stable `code` (tests and tools match codes, never wording).
 */

/** Every kind of problem linklog reports. Codes are stable: add new ones, never rename. */
export type DiagnosticCode =
  // loading
  | 'no-content-folder'
  | 'no-entries'
  // an entry file
  | 'not-utf8'
  | 'empty-file'
  | 'no-front-matter'
  | 'front-matter-language'
  | 'front-matter-unclosed'
  | 'front-matter-too-large'
  | 'front-matter-not-mapping'
  | 'yaml'
  | 'yaml-tag'
  | 'missing-field'
  | 'invalid-field'
  // an entry's Markdown body
  | 'body-too-large'
  | 'body-too-deep'
  | 'body-too-slow'
  | 'body-failed'
  | 'not-xml-text'
  | 'too-many-tags'
  | 'url-credentials'
  // what the sanitiser changed in a body (each a warning: never silent)
  | 'body-html-removed'
  | 'embed-refused'
  | 'img-no-src'
  | 'img-no-alt'
  | 'body-control-char'
  // across entries (the model)
  | 'permalink-clash'
  | 'tag-slug-clash'
  | 'duplicate-id'
  | 'alias-clash'
  | 'alias-taken'
  // the planned site
  | 'path-clash'
  | 'public-shadowed'
  // templates
  | 'template-compile'
  | 'template-runtime'
  | 'unknown-template'
  | 'unused-template'
  // pages/
  | 'page-skipped'
  // linklog.yaml
  | 'settings-yaml'
  | 'settings-not-mapping'
  | 'unknown-setting'
  | 'invalid-setting'
  | 'no-base-url'
  // linklog verify: a built or deployed site (file: its path or URL)
  | 'verify-status'
  | 'verify-build-json'
  | 'verify-broken-link'
  | 'verify-missing-fragment'
  | 'verify-feed-invalid'
  | 'verify-sitemap'
  | 'verify-stamp-mismatch'
  // linklog check --links: a bookmarked url (file: the entry's path, line: its url key)
  | 'link-dead'
  | 'link-moved'
  | 'link-unchecked'
  // the output folder and the cache (src/write, src/cache)
  | 'output-blocked'
  | 'output-failed'
  | 'output-locked'
  | 'output-recovered'
  | 'cache-ignored'
  | 'cache-not-saved'
  // files in content/ that are not entries linklog can read
  | 'source-skipped'
  | 'source-unreadable'
  // the search index (Pagefind)
  | 'search-index-failed';

export interface Diagnostic {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  code: DiagnosticCode;
  message: string;
  severity: 'error' | 'warning';
}

export function error(file: string, line: number | undefined, code: DiagnosticCode, message: string): Diagnostic {
  return { file, line, code, message, severity: 'error' };
}

export function warning(file: string, line: number | undefined, code: DiagnosticCode, message: string): Diagnostic {
  return { file, line, code, message, severity: 'warning' };
}

export function formatDiagnostic(d: Diagnostic): string {
  const place = d.line ? `${d.file}:${d.line}` : d.file;
  return `${place}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** By file, then line; the sort is stable, so ties keep the order they were found in. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown where a stage finds a problem deep inside work it cannot finish; the build reports it as its diagnostic. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
  }
}

/** Thrown for a wrong command line; the CLI exits 2. */
export class UsageError extends Error {}
