/**
 * The stylesheet of the HTML page, inlined so the page stands alone: readable measure,
 * tables that scroll sideways on a phone instead of squeezing, light and dark schemes,
 * and a print layout (black on white, URLs printed after their links, no split rows).
 */
export const HTML_STYLE = `
:root { color-scheme: light dark; --text: #1b1b1b; --muted: #5a5a5a; --line: #d4d4d4; --tint: #f4f6f8; --accent: #0b57a4; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e8e8e8; --muted: #a8a8a8; --line: #444; --tint: #1f2328; --accent: #8ab4f8; }
  body { background: #121212; }
}
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; color: var(--text); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.75rem; margin-top: 0.5em; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.2rem; }
h4, h5, h6 { font-size: 1.05rem; }
a { color: var(--accent); }
a.long { overflow-wrap: anywhere; }
p, li, dd, td, th { overflow-wrap: break-word; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.metadata div { display: contents; }
.metadata dt { font-weight: 600; color: var(--muted); }
.metadata dd { margin: 0; }
.meeting { border-top: 2px solid var(--line); margin-top: 2.5rem; }
.meeting-header h2, .meeting-header h3, .meeting-header h4 { margin-top: 1rem; }
nav { background: var(--tint); border-radius: 6px; padding: 0.6rem 1rem; margin: 1rem 0; }
.nav-title, .label { font-weight: 600; margin: 0.2rem 0; }
.contents ul { list-style: none; padding-inline-start: 0; }
.contents .level-1 { padding-inline-start: 1.2rem; }
ol.labelled { list-style: none; padding-inline-start: 0.4rem; }
ol.labelled ol.labelled { padding-inline-start: 1.6rem; }
/* A blank line before the item in the source: the gap of a paragraph. */
li.after-blank, ul.round > li.after-blank { margin-top: 1em; }
.marker { font-variant-numeric: tabular-nums; color: var(--muted); }
.turn { margin: 1.2rem 0; }
.speaker { font-weight: 600; margin-bottom: 0.3rem; }
.qualifiers { font-weight: normal; font-style: italic; color: var(--muted); }
a.person { color: inherit; text-decoration-color: var(--line); text-underline-offset: 0.2em; }
ul.round > li { margin: 0.5rem 0; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-inline-start: 4px solid var(--line); color: var(--muted); }
.summary, .background, .disclaimer { background: var(--tint); border-radius: 6px; padding: 0.2rem 1rem; margin: 1rem 0; }
.outcome { border-inline-start: 4px solid var(--accent); padding-inline-start: 0.8rem; margin: 1rem 0; }
.outcome h2, .outcome h3, .outcome h4, .outcome h5, .outcome h6 { margin-top: 0.6rem; }
.sign-off { margin-top: 2rem; font-style: italic; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: start; font-weight: 600; padding: 0.3rem 0; }
th, td { text-align: start; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody th { font-weight: 600; white-space: nowrap; }
td[data-label="Owner"], td[data-label="Due"], td[data-label="Status"] { white-space: nowrap; }
tr:target { background: var(--tint); }
.action-id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; color: var(--muted); }
.status-done td { color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
.who-spoke svg { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }
.who-spoke .bar { fill: var(--accent); }
.who-spoke .bar.ungrouped, .who-spoke .bar.unidentified, .who-spoke .bar.joint, .who-spoke .bar.unnamed-groups { fill: var(--muted); }
@media (max-width: 36rem) {
  main { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.45rem; }
  .metadata { gap: 0.2rem 0.75rem; }
  /* On a phone a table's rows become cards: the cell's column name before its content. */
  .table-wrap table, .table-wrap caption, .table-wrap tbody, .table-wrap tr, .table-wrap th, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .table-wrap tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  .table-wrap th, .table-wrap td { border: 0; padding: 0.1rem 0; min-width: 0; white-space: normal; }
  .table-wrap td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  .table-wrap td:empty { display: none; }
}
@media print {
  :root { --text: #000; --muted: #333; --line: #999; --tint: #fff; --accent: #000; }
  body { background: #fff; font: 10.5pt/1.4 Georgia, "Times New Roman", serif; }
  main { max-width: none; padding: 0; }
  a { text-decoration: none; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " <" attr(href) ">"; font-size: 0.85em; overflow-wrap: anywhere; }
  nav { border: 1px solid var(--line); }
  .table-wrap { overflow: visible; }
  tr, .outcome, blockquote, .meeting-header { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6, caption, .speaker { break-after: avoid; }
  .meeting { border-top-color: var(--line); }
}
`.trim();
