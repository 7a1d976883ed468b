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
 * preview can be scrolled freely. The element is the last one whose `data-line` (1-based
 * source line) is at or before the top line; when the HTML has no `data-line`, the block
 * (heading, paragraph, list item, ...) at the same proportion of the page.
 */
export function previewHtml(html: string, options: { banner?: string; topLine: number; lineCount: number }): string {
    const marked = markScrollTarget(html, options.topLine, options.lineCount);
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

/** The HTML with the scroll target for `topLine` (0-based) marked, or unchanged at the top. */
export function markScrollTarget(html: string, topLine: number, lineCount: number): string {
    if (topLine <= 0) return html;
    const withLines = [...html.matchAll(/<[a-zA-Z][^>]*\sdata-line="(\d+)"/g)];
    let target: number | undefined;
    if (withLines.length > 0) {
        const line = topLine + 1;
        const before = withLines.filter(match => Number(match[1]) <= line);
        target = before.length > 0 ? before[before.length - 1].index : undefined;
    } else {
        const bodyStart = html.search(/<body[^>]*>/i);
        const blocks = [...html.matchAll(BLOCK_OPENING)].filter(match => (match.index ?? 0) > bodyStart);
        if (blocks.length > 1 && lineCount > 1) {
            target = blocks[Math.min(blocks.length - 1, Math.floor((topLine / lineCount) * blocks.length))].index;
        }
    }
    if (target === undefined) return html;
    const nameEnd = html.slice(target + 1).search(/[\s>/]/) + target + 1;
    return `${html.slice(0, nameEnd)} ${SCROLL_MARK}${html.slice(nameEnd)}`;
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
