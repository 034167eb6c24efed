#!/usr/bin/env node
// A deterministic Netscape bookmark file of N bookmarks, for the import benchmark.
//   node bench/gen-netscape.mjs N > bookmarks.html
export function netscapeFile(n) {
  const lines = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">', '<TITLE>Bookmarks</TITLE>', '<H1>Bookmarks</H1>', '<DL><p>'];
  let a = 7;
  const rnd = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    const t = 1262304000 + Math.floor(rnd() * 400000000);
    lines.push(`<DT><A HREF="https://site${i % 997}.example/page/${i}" ADD_DATE="${t}" PRIVATE="${rnd() < 0.05 ? 1 : 0}" TAGS="tag${Math.floor(rnd() * 300)},topic${Math.floor(rnd() * 50)}">Bookmark number ${i} &amp; friends</A>`);
    if (rnd() < 0.3) lines.push(`<DD>A short note about bookmark ${i}, with some words.`);
  }
  lines.push('</DL><p>');
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(netscapeFile(Number(process.argv[2] ?? 50000)));
