// The preview's HTML, as pure functions of the generated page (no VS Code API: unit-tested).

/** No script, no fetch: the generated HTML is shown, never run. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The generated HTML made fit for the preview: the Content-Security-Policy first in its
 * head, an optional banner, and the element for the editor's top line brought into view.
 *
 * The preview runs no script, so it cannot be told to scroll. Instead that element is
 * made the only scroll-snap target of a mandatory snap container: the page lands on it
 * when it loads, and an animation lifts the snapping half a second later so that the
 * preview can be scrolled freely. See markScrollTarget for which element.
 */
export function previewHtml(html: string, options: { banner?: string; topLine: number; source: string }): string {
    const marked = markScrollTarget(html, options.source, options.topLine);
    const head = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`
        + `<style>${marked === html ? '' : SCROLL_STYLE}${BANNER_STYLE}</style>`;
    let result = /<head[^>]*>/i.test(marked)
        ? marked.replace(/<head[^>]*>/i, match => match + head)
        : /<html[^>]*>/i.test(marked)
            ? marked.replace(/<html[^>]*>/i, match => `${match}<head>${head}</head>`)
            : `<!DOCTYPE html><html><head>${head}</head><body>${marked}</body></html>`;
    if (options.banner) {
        result = /<body[^>]*>/i.test(result) ? result.replace(/<body[^>]*>/i, match => match + options.banner) : result + options.banner;
    }
    return result;
}

const SCROLL_MARK = 'data-minutes-scroll-target';
const SCROLL_STYLE = 'html{scroll-snap-type:none;animation:minutes-follow .5s forwards}'
    + '@keyframes minutes-follow{0%,99%{scroll-snap-type:y mandatory}100%{scroll-snap-type:none}}'
    + `[${SCROLL_MARK}]{scroll-snap-align:start;scroll-margin-top:.5em}`;

/** Block elements a reader sees as the lines of the page. */
const BLOCK_OPENING = /<(?:h[1-6]|p|li|dt|dd|blockquote|tr|pre|figure)(?=[\s>])/gi;
const HEADING = /<(h[1-6])(?=[\s>])[^>]*>([\s\S]*?)<\/\1>/gi;
/** Source lines that become headings: `# Title` and `meeting: Title`. */
const SOURCE_HEADING = /^[ \t]*(?:#{1,6}[ \t]+|meeting[ \t]*:[ \t]*)(.*)$/i;

/**
 * The HTML with the element for the editor's top line (0-based) marked, or unchanged at
 * the top. The element is, by what the page offers:
 * - the last one whose `data-line` (1-based source line) is at or before the top line;
 * - else the block as far into the heading's section of the page as the top line is into
 *   the section of the source: the heading is the source's last heading (`#` or
 *   `meeting:`) before the top line, found in the page by its text and rank;
 * - else the block at the same proportion of the page.
 */
export function markScrollTarget(html: string, source: string, topLine: number): string {
    if (topLine <= 0) return html;
    const target = byDataLine(html, topLine) ?? bySection(html, source, topLine) ?? byProportion(html, 0, html.length, topLine / Math.max(1, source.split('\n').length));
    if (target === undefined) return html;
    const nameEnd = html.slice(target + 1).search(/[\s>/]/) + target + 1;
    return `${html.slice(0, nameEnd)} ${SCROLL_MARK}${html.slice(nameEnd)}`;
}

function byDataLine(html: string, topLine: number): number | undefined {
    const withLines = [...html.matchAll(/<[a-zA-Z][^>]*\sdata-line="(\d+)"/g)];
    if (withLines.length === 0) return undefined;
    const before = withLines.filter(match => Number(match[1]) <= topLine + 1);
    return before.length > 0 ? before[before.length - 1].index : undefined;
}

function bySection(html: string, source: string, topLine: number): number | undefined {
    const lines = source.split('\n');
    const anchors: Array<{ line: number; key: string }> = [];
    lines.forEach((text, line) => {
        const heading = SOURCE_HEADING.exec(text);
        const key = heading ? textKey(heading[1]) : '';
        if (key) anchors.push({ line, key });
    });
    const headings = [...html.matchAll(HEADING)].map(match => ({ index: match.index ?? 0, key: textKey(stripTags(match[2])) }));
    /** Where the page has a source heading: the same text, the same rank among equals. */
    const inPage = (a: number) => {
        const rank = anchors.slice(0, a).filter(other => other.key === anchors[a].key).length;
        return headings.filter(heading => heading.key === anchors[a].key)[rank];
    };
    // From the last source heading before the top line back, the first one the page has.
    for (let a = anchors.filter(anchor => anchor.line <= topLine).length - 1; a >= 0; a--) {
        const found = inPage(a);
        if (!found) continue;
        const anchor = anchors[a];
        if (topLine === anchor.line) return found.index;
        // The section runs to the next source heading the page has (the page may add its own).
        let next = { line: lines.length, index: html.length };
        for (let b = a + 1; b < anchors.length; b++) {
            const heading = inPage(b);
            if (heading && heading.index > found.index) {
                next = { line: anchors[b].line, index: heading.index };
                break;
            }
        }
        // How far into the section: its non-blank source lines above the top line, of all.
        const written = (from: number, to: number) => lines.slice(from, to).filter(line => line.trim() !== '').length;
        const fraction = written(anchor.line + 1, topLine) / Math.max(1, written(anchor.line + 1, next.line));
        return byProportion(html, found.index + 1, next.index, fraction) ?? found.index;
    }
    return undefined;
}

/** The block at `fraction` of the blocks between two offsets of the page (after its body start). */
function byProportion(html: string, from: number, to: number, fraction: number): number | undefined {
    const bodyStart = html.search(/<body[^>]*>/i);
    const blocks = [...html.matchAll(BLOCK_OPENING)]
        .map(match => match.index ?? 0)
        .filter(index => index > bodyStart && index >= from && index < to);
    if (blocks.length === 0) return undefined;
    return blocks[Math.min(blocks.length - 1, Math.max(0, Math.floor(fraction * blocks.length)))];
}

/** A heading's text for comparison: letters and digits only, reference syntax dropped. */
function textKey(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@\{|[@}]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function stripTags(html: string): string {
    return html.replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
}

// The page's own stylesheet picks light or dark by the browser's preference and sets no
// background for light; VS Code's would show through. Canvas is the page's scheme's own.
const BANNER_STYLE = 'html{background:Canvas}.minutes-preview-problems{position:sticky;top:0;z-index:1;margin:0 0 1em;padding:.6em 1em;'
    + 'background:#fff4ce;color:#3b2e00;border-bottom:1px solid #e0c060;font:13px/1.4 system-ui,sans-serif}'
    + '.minutes-preview-problems ul{margin:.3em 0 0;padding-left:1.2em}';

/**
 * A banner above the page: why it is not up to date. `items` are shown as a list, at most
 * five of them.
 */
export function problemsBanner(title: string, items: string[], stale: boolean): string {
    const shown = items.slice(0, 5).map(item => `<li>${escapeHtml(item)}</li>`).join('');
    const more = items.length > 5 ? `<li>… and ${items.length - 5} more</li>` : '';
    const what = stale ? 'The preview shows the last version that could be generated.' : '';
    const list = shown || more ? `<ul>${shown}${more}</ul>` : '';
    return `<div class="minutes-preview-problems" role="alert"><strong>${escapeHtml(title)}</strong> ${what}${list}</div>`;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}
