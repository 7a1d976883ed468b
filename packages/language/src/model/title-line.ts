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
    const parts = [title];
    const venue = extras.venue?.trim();
    if (venue && !contains(title, venue)) parts.push(venue);
    const date = extras.date?.trim();
    if (date && !contains(title, date) && !statesDate(title, date, language)) parts.push(date);
    return parts.join(separator);
}

function contains(title: string, text: string): boolean {
    return title.toLowerCase().includes(text.toLowerCase());
}

/** Whether the title names the days the written date reads as. */
function statesDate(title: string, date: string, language: string): boolean {
    const parsed = parseDate(date, language);
    return parsed.ok && namesDate(title, parsed.value, language);
}
