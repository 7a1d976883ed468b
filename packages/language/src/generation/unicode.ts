const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that UTF-8 can encode. An editor can hold a lone surrogate (half of an emoji,
 * pasted or cut), which no UTF-8 file can: it becomes U+FFFD, as a decoder shows it.
 */
export function wellFormed(text: string): string {
    return text.replace(LONE_SURROGATE, '\uFFFD');
}
