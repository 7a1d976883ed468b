import { nameKey } from '../model/names.js';
import { UniqueNames } from '../util/unique-names.js';

/**
 * Identifiers for action items that were written without one. An identifier is derived
 * from the meeting's date and a slug of the action's text (`#2018-03-19-circulate-wider-report`),
 * so it stays the same as long as the action is not reworded, and reads as what it names.
 */

/** Words that say little about an action: left out of its slug. */
const FILLER_WORDS = new Set([
    'a', 'an', 'the', 'of', 'to', 'for', 'and', 'or', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'about',
    'will', 'shall', 'should', 'would', 'be', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'it', 'its',
    'this', 'that', 'these', 'those', 'all', 'any', 'some', 'due', 'course', 'please', 'also', 'as', 'so', 'up',
    'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your'
]);

/** At most this many words of the text go into a slug, at most this many characters. */
const SLUG_WORDS = 3;
const SLUG_LENGTH = 40;

/** `Will circulate the wider report of WSIS Forum in due course.` → `circulate-wider-report`. */
export function actionSlug(text: string): string {
    const words = nameKey(text).split(' ').filter(word => word.length > 0);
    const meaningful = words.filter(word => !FILLER_WORDS.has(word));
    const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, SLUG_WORDS);
    let slug = '';
    for (const word of chosen) {
        const next = slug ? `${slug}-${word}` : word;
        if (next.length > SLUG_LENGTH) break;
        slug = next;
    }
    return slug || words[0]?.slice(0, SLUG_LENGTH) || 'action';
}

/** The identifier key under which identifiers clash: the linker matches `#A.b` and `#a-b` alike. */
export function actionIdKey(id: string): string {
    return nameKey(id.replace(/^#/, ''));
}

/**
 * Derived identifiers for the actions of meetings, unique among those taken (written ones,
 * see {@link actionIdKey}) and those derived before: `2018-03-19-circulate-wider-report`,
 * then `…-2`, `…-3` when taken. Without `#`.
 */
export class DerivedActionIds {
    private readonly names: UniqueNames;

    constructor(taken: Iterable<string> = []) {
        this.names = new UniqueNames(taken, actionIdKey);
    }

    /** Marks a written identifier as taken. */
    reserve(id: string): void {
        this.names.reserve(id);
    }

    /**
     * An identifier for an action of a meeting held on `isoDate` (if known), made of its
     * text without names (`textWithoutNames` of the action): an identifier is printed under
     * the Chatham House Rule, where no one may be named.
     */
    derive(textWithoutNames: string, isoDate: string | undefined): string {
        return this.names.claim(isoDate ? `${isoDate}-${actionSlug(textWithoutNames)}` : actionSlug(textWithoutNames));
    }
}
