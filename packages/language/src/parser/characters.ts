/** Character classes shared by the lexer, the scope index and completion. */

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}_]/u;

/** A character that can start a `@name` reference: a letter, digit or underscore. */
export function isRefNameStart(codePoint: number | undefined): boolean {
    if (codePoint === undefined) return false;
    if (codePoint < 128) {
        return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 48 && codePoint <= 57) || codePoint === 95;
    }
    return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}

/** A character inside a `@name` reference: also '.' and '-' (not at the end). */
export function isRefNameChar(codePoint: number | undefined): boolean {
    return codePoint === 46 || codePoint === 45 || isRefNameStart(codePoint);
}

/** A character that makes `@` part of a word (as in an e-mail address). */
export function isWordChar(codePoint: number | undefined): boolean {
    return codePoint === 46 || codePoint === 45 || codePoint === 43 || isRefNameStart(codePoint);
}

/** ASCII punctuation: what a backslash escapes (`\#`, `\@`, `\/`), as in Markdown. */
export function isAsciiPunctuation(c: string | undefined): boolean {
    if (c === undefined || c.length !== 1) return false;
    const code = c.charCodeAt(0);
    return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/**
 * The characters that start a bullet at a line's start, before a space: Markdown's `-`, `*`
 * and `+` (nested `+` lists, as the Asterisk notes write them) and the typographic bullets.
 */
export const BULLET_CHARACTERS: ReadonlySet<string> = new Set(['-', '*', '+', '•', '·', '‣', '◦', '▪']);

/** Whether a list item's marker is a bullet (`-`, `+`, `•`), not a label (`1.`, `a)`). */
export function isBulletMarker(marker: string): boolean {
    return BULLET_CHARACTERS.has(marker);
}
