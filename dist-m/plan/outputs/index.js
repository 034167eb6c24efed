import { aliasPages } from './aliases.js';
import { buildJson } from './build-json.js';
import { calendarPages } from './calendar.js';
import { entryPages } from './entries.js';
import { feedArchives } from './feed-archives.js';
import { feeds } from './feeds.js';
import { homePages } from './home.js';
import { notFoundPage } from './not-found.js';
import { sitePages } from './pages.js';
import { publicFiles } from './public.js';
import { searchOutput } from './search.js';
import { sitemapOutput } from './sitemap.js';
import { tagsJson } from './tags-json.js';
import { tagPages } from './tags.js';
export const OUTPUTS = [
    homePages,
    entryPages,
    calendarPages,
    tagPages,
    notFoundPage,
    feeds,
    feedArchives,
    tagsJson,
    searchOutput,
    // After the generated pages: a page of the same path is an error.
    sitePages,
    // After the pages: it lists them.
    sitemapOutput(),
    // After the pages: it counts them.
    buildJson,
    // After every generated page: an alias may not be one of them.
    aliasPages,
    // Last: a generated file of the same path wins.
    publicFiles,
];
//# sourceMappingURL=index.js.map