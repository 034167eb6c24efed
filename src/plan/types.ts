/**
 * The plan's one API. Every file of the site is planned by an output module as a
 * FileSpec that declares what it is made from (`inputs`); its signature, its reuse from
 * one build to the next and `linklog dev`'s patching all follow from those inputs.
 *
 * The rule that makes that true: a file's `render` reads an entry's content (title,
 * url, commentary, via…) only through `inputs.entries`, and everything else it reads
 * is named in `inputs.values` (or is the site's settings or a template, which sign
 * every file). Values come from the model's structure: routes, counts, tag names,
 * neighbouring days, lastmods; never from an entry's content.
 */
import type { Settings } from '../config/settings.js';
import type { Diagnostic } from '../lib/diagnostics.js';
import type { GitState } from '../load/git.js';
import type { StaticFile } from '../load/public.js';
import type { Site } from '../model/index.js';
import type { Entry } from '../parse/entry.js';
import type { Page } from '../parse/page.js';
import type { RenderContext } from '../render/context.js';

/**
 * What a file's `render` gives: its text, its bytes, or its text in pieces, written one after
 * another. A big feed stays in pieces: joined into one string of ~2 MB it took ~30 ms (fresh
 * memory for the string), and encoding the pieces into the write stage's buffer ~2 ms.
 */
export type FileContent = string | Uint8Array | readonly string[];

/** One of the site's own pages with its HTML, ready to plan. */
export interface PageDoc {
  page: Page;
  html: string;
}

export type Value = string | number | boolean | undefined;

export interface Inputs {
  /** Entries whose content the file shows, in order; each one's version (its text's hash, its tags' display names) is signed. */
  readonly entries: readonly Entry[];
  /** Everything else the bytes depend on, part by part (compared without joining). */
  readonly values: readonly Value[];
  /** The template it renders with: its key covers the partials and layout it uses. */
  readonly template?: string;
}

export interface FileSpec {
  /** Relative to the output folder, forward slashes. */
  readonly path: string;
  /** The output module that planned it. */
  readonly output: string;
  readonly inputs: Inputs;
  /** The file's bytes, from its inputs and the build's render context; it reads nothing else. */
  readonly render: (ctx: RenderContext, inputs: Inputs) => FileContent;
  /** Where the author decides this path (an entry's slug line, a tag's line), for messages. */
  readonly origin?: { file: string; line?: number };
  /** A page the sitemap lists, with its last change. */
  readonly sitemap?: { route: string; lastmod: number | undefined };
}

export interface PlannedFile extends FileSpec {
  /** Signature of the inputs: the same signature means the same bytes. */
  readonly sig: string;
}

/** One Pagefind bundle of the search index: the records of a run of entries, oldest first. */
export interface SearchShard {
  /** What its records were made from, hashed: the same key, the same files. */
  readonly key: string;
  /** Its folder under pagefind/: '' for the first (Pagefind's own /pagefind/), `part-<level>-<start>/` for the others (render/search.ts, shardDir). */
  readonly dir: string;
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
}

/** The search index as the plan takes it (undefined: no index files this build). */
export interface SearchIndex {
  readonly shards: readonly SearchShard[];
}

export interface PlanContext {
  site: Site;
  settings: Settings;
  statics: readonly StaticFile[];
  /** The site's own pages (pages/…), rendered. */
  pages: readonly PageDoc[];
  /** The site's git repository, when it is in one (for /build.json). */
  git?: GitState;
  /** The search index's files (undefined when search is off, in `check`, and in `linklog dev`, whose server serves them). */
  search?: SearchIndex;
  /** The search index's shard sizes (BuildOptions.searchShards; default SHARD_LEVELS). */
  searchShards?: readonly number[];
  /** A memo of the output's own, kept by the build state from one plan to the next. */
  memo<T>(init: () => T): T;
  /**
   * The files one part of the model gives (an entry's page, a day's, a tag's pages and
   * feed), kept while the part is the same object and `key` is the same text: the model
   * shares what did not change, so a rebuild in `linklog dev` makes files only for what did.
   * `id` names the part (an entry's source, a day, a tag key) within the output.
   */
  keep(id: string, part: object, key: string, make: () => FileSpec[]): readonly FileSpec[];
  /** Whether an output planned before this one has a file at `path`. */
  planned(path: string): boolean;
  /** How many HTML pages (`.html` files with a template: feeds render with one too) the outputs planned before this one have, counted by part. */
  pageCount(): number;
  /** The files of the outputs planned before this one, alone or in their parts (a kept part is the same array as at the last plan). */
  items(): readonly Planned[];
  /** A problem to report (a public file shadowed by a generated one). */
  report(d: Diagnostic): void;
}

/**
 * What an output plans: a file, or a part, the files one part of the model gives (what
 * `keep` returns), as one array. A part that is the same array as at the last plan is the
 * same files: the plan reuses their signatures and the write step their records, without
 * visiting each file (plan.ts, build/render.ts).
 */
export type Planned = FileSpec | readonly FileSpec[];

/** A kind of output: one module, registered in outputs/index.ts. */
export interface Output {
  readonly name: string;
  /** Its files and parts (`ctx.items()` has those of the outputs registered before it: the sitemap lists their pages). */
  plan(ctx: PlanContext): readonly Planned[];
}
