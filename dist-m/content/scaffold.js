/**
 * A new site's files (`linklog init`): package.json, linklog.yaml with every setting,
 * an example entry dated today, .gitignore, a README and a GitHub Pages workflow. Never
 * writes over a file that is there: every path is checked first, and each is created
 * with `wx`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSettings } from '../config/settings.js';
import { zone as zoneOf } from '../lib/time.js';
import { prepareEntry } from './new-entry.js';
/** Every file of a new site, in the order they are written. */
export function scaffoldFiles(options, now) {
    const settings = parseSettings(undefined, {}).settings;
    const site = { ...settings, title: options.title, timezone: options.timezone };
    const example = prepareEntry('/nonexistent', site, {
        url: 'https://www.w3.org/Provider/Style/URI',
        title: "Cool URIs don't change",
        tags: ['web', 'classics'],
        body: [
            "An example entry: edit it or delete it. Each link is one Markdown file like this one; the folder it",
            'is in does not matter, its `date` decides where it is published.',
            '',
            '> When you change a URI on your server, you can never completely tell who will have links to the old URI.',
        ].join('\n'),
    }, now, () => new Set(), zoneOf(options.timezone));
    return [
        { path: 'package.json', text: packageJson(options) },
        { path: 'linklog.yaml', text: settingsYaml(options) },
        { path: example.path, text: example.text },
        { path: '.gitignore', text: '_site/\n.linklog-cache/\nnode_modules/\n' },
        { path: 'README.md', text: readme(options) },
        { path: '.github/workflows/publish.yml', text: WORKFLOW },
    ];
}
/** The files of `files` already in `dir`. */
export function existingFiles(dir, files) {
    return files.filter((f) => fs.existsSync(path.join(dir, f.path))).map((f) => f.path);
}
/** Writes the files; each is created with `wx`, so a file that appeared meanwhile is not overwritten (that throws). */
export function writeScaffold(dir, files) {
    for (const f of files) {
        const abs = path.join(dir, f.path);
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, f.text, { flag: 'wx' });
    }
}
/** A package name from a folder's name (npm's rules: lower case, URL-safe, at most 214 characters). */
export function packageName(dir) {
    const name = path
        .basename(path.resolve(dir))
        .toLowerCase()
        .replace(/[^a-z0-9._~-]+/g, '-')
        .replace(/^[._-]+|-+$/g, '')
        .slice(0, 214);
    return name || 'my-links';
}
function packageJson(o) {
    return `${JSON.stringify({
        name: o.name,
        private: true,
        description: `${o.title}: a link-log built with linklog`,
        type: 'module',
        scripts: {
            build: 'linklog build',
            dev: 'linklog dev',
            new: 'linklog new',
            check: 'linklog check',
            verify: 'linklog verify _site',
            'check-links': 'linklog check --links',
        },
        dependencies: { linklog: `^${o.version}` },
    }, null, 2)}\n`;
}
const yamlString = (s) => JSON.stringify(s);
function settingsYaml(o) {
    return `# linklog.yaml: this site's settings. Every key is optional; the values below are the defaults
# unless noted. An unknown key or a wrong type is an error naming the key.

# The site's title, in every page's header and the feeds.
title: ${yamlString(o.title)}

# One line under the title, and the feeds' subtitle.
description: ""

# Where the site lives. It may have a path (https://example.org/links/): every internal link then
# includes it. The GitHub Pages workflow (.github/workflows/publish.yml) passes the Pages URL with
# --base-url, which wins over this key. Without either, http://localhost:8080/ is used (with a warning).
${o.baseUrl ? `baseUrl: ${yamlString(o.baseUrl)}` : '# baseUrl: https://example.org/links/'}

# Domain (or email address) in the feeds' entry ids (tag: URIs, RFC 4151). Default: the baseUrl's
# host. Set it once the site has a home, and keep it when the site moves: feed readers then do not
# show every link again.
# idAuthority: example.org

# Who writes the site: a name, or name with optional email and uri. Default: the title.
# author:
#   name: Your Name
#   email: you@example.org
#   uri: https://example.org/

# The language of pages and feeds (a language tag: en, pt-BR), and of every word readers see:
# linklog has en, fr and de (strings/<language>.yaml); others fall back to English.
language: en

# Your own wording for any key of linklog's strings/en.yaml.
# strings:
#   nav.latest: Recent
#   links.count: { one: "{count} bookmark", other: "{count} bookmarks" }

# How dates read: iso (2026-11-26 09:30), or short, medium, long, full in the site's language.
# dateFormat: iso

# An IANA timezone name (Europe/Dublin, America/New_York, UTC): decides which day an entry belongs to.
timezone: ${yamlString(o.timezone)}

# Entries per page on the front page and tag pages.
perPage: 50

# Entries in each feed (days in the daily feed).
feedSize: 50

# The whole history of the site's and each tag's feed as RFC 5005 archives (/feeds/archive/N.xml),
# so feed readers can fetch every link, not only the newest. false turns them off.
# feedArchives: true

# A WebSub hub's URL: the feeds name it, and \`linklog ping\` tells it after each deploy.
# hub: https://pubsubhubbub.appspot.com/

# The header's links, in order (default: Latest, Archive, Tags, Feed). Each has a label and an href:
# a path of the site (/about/, /tags/python/) or an http(s) URL. Pages of your own go in pages/.
# nav:
#   - label: Latest
#     href: /
#   - label: Archive
#     href: /archive/
#   - label: Tags
#     href: /tags/
#   - label: Feed
#     href: /feed.xml

# The default image of the social cards (og:image): an http(s) URL or a path of the site.
# image: /card.png

# Query parameters \`linklog new\` removes from urls (\`*\` ends a prefix); [] removes none.
# stripParams: [utm_*, fbclid, gclid, dclid, mc_cid, mc_eid, igshid, ref_src, _hsenc]

# Most tags one entry may have; more is an error.
# maxTagsPerEntry: 100

# Iframes a body may hold (<iframe src=…>): false (none, the default; each is left out with a
# warning), true (YouTube via youtube-nocookie.com, Vimeo, CodePen, SoundCloud) or a list of hosts.
# embeds: false

# Search (Pagefind): the index in /pagefind/, a /search/ page and a search form on every page.
# false leaves all of it out.
# search: true
`;
}
function readme(o) {
    return `# ${o.title}

A link-log built with [linklog](https://www.npmjs.com/package/linklog): one Markdown file per link
under \`content/\`, built into a site you browse by day and by tag, with Atom feeds.

## Set up

\`\`\`sh
npm install
npm run build      # builds the site into _site/
\`\`\`

## Add a link

\`\`\`sh
npm run new -- https://example.org/article --title "An article" --tags "web reading"
\`\`\`

writes \`content/YYYY/MM/DD/an-article.md\` for today; add your commentary under its front matter.
Or copy an entry file by hand. \`npm run check\` reports every problem as \`path:line: message\`.

## Preview

\`\`\`sh
npm run dev        # serves the site at http://127.0.0.1:8080/ and rebuilds as you save
\`\`\`

## Publish

On GitHub: push this folder to a repository, and under Settings → Pages choose "GitHub Actions" as
the source. \`.github/workflows/publish.yml\` then builds the site on every push to \`main\` with the
Pages URL as its base URL, keeps linklog's build cache (\`.linklog-cache/\`) between runs, checks the
result with \`linklog verify\`, and deploys it.

Anywhere else: \`npm run build -- --base-url https://example.org/\` and copy \`_site/\` to the host
(\`rsync -a --delete _site/ host:/var/www/links/\`), then \`npx linklog verify https://example.org/\`.

## Keep it alive

\`npm run check-links\` asks every bookmarked url whether it still answers (at most once a week per
link; \`--wayback\` suggests an archived copy for dead ones). Record a replacement with
\`archived: <url>\` in the entry's front matter: the entry's page then links to it.

The settings are in \`linklog.yaml\`; every key is described there.
`;
}
const WORKFLOW = `# Builds the site on every push to main and publishes it on GitHub Pages.
# Settings → Pages → Source: "GitHub Actions".
name: Publish

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Install
        run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
      - id: pages
        uses: actions/configure-pages@v5
      # linklog's build cache: parsed entries and rendered commentary, keyed by their content.
      # Restored from the last run (restore-keys) and saved under this commit, so a push that adds
      # one link renders one link's Markdown, not every link's.
      - name: Restore the build cache
        uses: actions/cache@v4
        with:
          path: .linklog-cache
          key: linklog-\${{ runner.os }}-\${{ github.sha }}
          restore-keys: linklog-\${{ runner.os }}-
      - name: Build
        run: npx linklog build --base-url "\${{ steps.pages.outputs.base_url }}/"
      - name: Verify
        run: npx linklog verify _site
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
//# sourceMappingURL=scaffold.js.map