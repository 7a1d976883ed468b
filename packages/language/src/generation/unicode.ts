declare global {
    // ES2024, in every Node Minutes runs on (20.10 and later); the packages compile against ES2022's library.
    interface String {
        toWellFormed(): string;
    }
}

/**
 * Text that UTF-8 can encode. An editor can hold a lone surrogate (half of an emoji,
 * pasted or cut), which no UTF-8 file can: it becomes U+FFFD, as a decoder shows it.
 * (Every string of every output passes here: a regular expression with look-arounds took
 * a tenth of the time of the JSON and the HTML.)
 */
export function wellFormed(text: string): string {
    return text.toWellFormed();
}
