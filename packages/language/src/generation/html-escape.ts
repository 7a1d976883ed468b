// Escaping for HTML: what every piece of source text goes through before it reaches a page.

/**
 * Escapes text for an element's content; control characters, which HTML forbids, become
 * U+FFFD; bidi controls left open are closed (see closeBidi).
 */
export function escapeText(text: string): string {
    return closeBidi(text)
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Closes what a piece of text leaves open of the bidi controls: an embedding or override
 * (U+202A, U+202B, U+202D, U+202E, closed by U+202C) or an isolate (U+2066–U+2068, closed
 * by U+2069) reorders everything after it to the end of the paragraph, so a name written
 * `\u202EEve` could make the "approved" that follows it read "devorppa". Closed where each
 * piece of source text ends, a control reaches no further than that piece. Closing follows
 * the Unicode Bidirectional Algorithm: a PDF closes only an embedding opened inside the
 * innermost open isolate; a PDI closes that isolate and every embedding opened inside it.
 */
export function closeBidi(text: string): string {
    if (!BIDI_CONTROL.test(text)) return text;
    const open: string[] = [];
    // Counted, not searched for in `open`: n isolates closed one by one searched n² times.
    let isolates = 0;
    for (const c of text) {
        if (c === '\u202A' || c === '\u202B' || c === '\u202D' || c === '\u202E') open.push('\u202C');
        else if (c === '\u2066' || c === '\u2067' || c === '\u2068') {
            open.push('\u2069');
            isolates++;
        } else if (c === '\u202C' && open[open.length - 1] === '\u202C') open.pop();
        else if (c === '\u2069' && isolates > 0) {
            while (open.pop() !== '\u2069') { /* the embeddings inside the isolate close with it */ }
            isolates--;
        }
    }
    return text + open.reverse().join('');
}

export function escapeAttribute(text: string): string {
    return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A template of words with `{name}` places filled with HTML (`due {date}`, the date a <time>): the words escaped, the HTML not. */
export function filledHtml(template: string, values: Readonly<Record<string, string>>): string {
    return template.split(/(\{\w+\})/).map(part => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        return name !== undefined && Object.hasOwn(values, name) ? values[name] : escapeText(part);
    }).join('');
}
