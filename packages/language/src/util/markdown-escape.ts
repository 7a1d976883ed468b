// Escaping for Markdown: the Markdown output and the editor's hover cards.

/** Characters that mean something anywhere in a line of Markdown (GFM tables and strikethrough included). */
const INLINE_SPECIAL = /[\\`*_{}[\]<>|~&]/g;

/** Escapes text for Markdown; `lineStart` also escapes what would start a block (`#`, `>`, `-`, `1.`). */
export function escapeMarkdown(text: string, lineStart = false): string {
    const escaped = text.replace(/[\r\n]+/g, ' ').replace(INLINE_SPECIAL, '\\$&');
    if (!lineStart) return escaped;
    return escaped
        .replace(/^(\s*)([#>+=-])/, '$1\\$2')
        .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}
