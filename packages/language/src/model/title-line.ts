import { namesDate, parseDate } from './dates.js';

/**
 * The one line that names a meeting (the email's subject, "agreed at …", a ledger's
 * reference): its title as written, then its venue and its date, each only where the title
 * does not already state it: `CCWG-IG call of Wednesday, December 21` is not followed by
 * `21 December 2016` again. The title itself is never changed.
 *
 * `date` is the date as the output writes it (`21 December 2016`, `2016-12-21`), in any
 * language Minutes reads dates in (an English email names a French meeting); the title is
 * read for it in `language`, the meeting's.
 */
export function titleLine(title: string, extras: { readonly venue?: string; readonly date?: string }, language: string, separator: string): string {
    const parts: string[] = [];
    const venue = extras.venue?.trim();
    if (venue && !contains(title, venue)) parts.push(venue);
    const date = extras.date?.trim();
    if (date && !contains(title, date) && !statesDate(title, date, language)) parts.push(date);
    if (parts.length === 0) return title;
    return title + afterTitle(title, separator) + parts.join(separator);
}

/** A sentence's last mark, which a title may end with: `Opening the debate.`, `Who governs?`. */
const SENTENCE_END = /[.!?…。！？]$/u;

/**
 * What comes between the title and the venue or date: the separator, but for its punctuation
 * after a title that ends a sentence (`Opening the debate. Guadalajara`, not `debate., Guadalajara`);
 * a space where that leaves nothing, but after a full-width mark (`会议。日内瓦`).
 */
function afterTitle(title: string, separator: string): string {
    if (!SENTENCE_END.test(title)) return separator;
    return separator.replace(/^\p{P}+/u, '') || (/[。！？]$/u.test(title) ? '' : ' ');
}

function contains(title: string, text: string): boolean {
    return title.toLowerCase().includes(text.toLowerCase());
}

/** Whether the title names the days the written date reads as. */
function statesDate(title: string, date: string, language: string): boolean {
    const parsed = parseDate(date, language);
    return parsed.ok && namesDate(title, parsed.value, language);
}
