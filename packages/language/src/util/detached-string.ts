/**
 * The same characters, holding on to no other string. V8 makes a substring of 13 characters or
 * more a view of the string it was cut from (a "sliced string"), so a name cut from a document's
 * text and kept keeps the whole text: a cache of names kept every text a check read, and a
 * block kept across edits kept the version of the text it was parsed from, one more per line
 * typed (docs/performance.md, "Strings that hold their text"). A view of a fresh, flat copy
 * one character longer holds only that copy.
 */
export function detached(text: string): string {
    return text.length < 13 ? text : (' ' + text).slice(1);
}
