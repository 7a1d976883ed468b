import type { MeetingOffice } from './vocabulary.js';
import { memoised } from './memo.js';

/**
 * Speakers named by a phrase rather than by a name, as summary records and transcripts
 * name them (docs/language.md, "Speakers by office, delegation or group"):
 *
 * - an **office**: `@chair`, `@{The Chairman}`, `@MODERATOR`, `@{Madame la Maire}` — the
 *   person the meeting's header names for that office (`chair: @espina`), so that "The
 *   Chairman" names whoever chairs the meeting it is written in; and any `The …` whose rest
 *   the directory has (`@{The Secretary-General}` → `office @ITU-SG Secretary-General`);
 * - a **delegation**: `@{The delegate of Brazil}`, `@{The representative of Kenya}`,
 *   `@{The Councillor from Belarus}` — the country, delegation or organisation named after
 *   `of` / `from` / `for`;
 * - a **group**: `@everyone`, `@{Several participants}`, `@{Some Member States}`, `@{An hon.
 *   member}`, `@{One councillor}` — people the record does not name, who are no party.
 *
 * A phrase is read only when the directory has no entry by that name (an entry always
 * wins), and every output prints it exactly as written.
 */
export type SpeakerPhrase =
    /** `office`: the meeting office the words name, if any; `title`: the words after the article (`Secretary-General`). */
    | { readonly kind: 'office'; readonly office?: MeetingOffice; readonly title: string }
    | { readonly kind: 'delegation'; readonly of: string }
    | { readonly kind: 'group' };

/** The words that name an office, by the header field that names its holder. */
const OFFICE_WORDS: ReadonlyArray<readonly [RegExp, MeetingOffice]> = [
    [/^(?:co-?)?(?:chair|chairman|chairwoman|chairperson|chairs|president|presiding officer|presidente|presidenta|président|présidente|maire|mayor|alcalde|alcaldesa)$/, 'chair'],
    [/^(?:moderator|moderators|facilitator|modérateur|modératrice|moderador|moderadora)$/, 'moderator'],
    [/^(?:rapporteur|rapporteuse|relator|relatora)$/, 'rapporteur'],
    [/^(?:secretary|note[- ]?takers?|scribes?|minute[- ]?takers?|secrétaire|secretario|secretaria)(?: (?:of the meeting|de séance|de la sesión))?$/, 'notetaker'],
    [/^author$/, 'author']
];

/** What may stand before an office word: an article, a courtesy title (`Madame la`). */
const OFFICE_PREFIX = /^(?:the|le|la|el|madame la|monsieur le|madame le|señor|señora|señor el|señora la|mr\.?|madam|mister)\s+/;

/** `The delegate of`, `The representative of`, `The Councillor from`, `The Ambassador of`, `The observer for`. */
const DELEGATION = /^(?:the\s+)?(?:delegate|delegation|representative|councillor|councilor|ambassador|minister|observer|spokesperson|member|permanent representative|head of (?:the )?delegation)\s+(?:of|from|for)\s+(?:the\s+)?(.+)$/i;

/** A whole room: `everyone`, `all`, `the room`. */
const WHOLE_ROOM = /^(?:the\s+)?(?:everyone|everybody|all|audience|room|floor|participants|members|tous|todos)$/;

/** Words that count or quantify people without naming them. */
const QUANTIFIER = /^(?:some|several|many|most|few|a few|other|others|various|numerous|all|both|one|an?|another|the other|two|three|four|five|six|seven|eight|nine|ten|a number of|a group of|a majority of|the majority of|members of|un|une|plusieurs|certains|certaines|algunos|algunas|varios|varias|un|una)\s+(.+)$/;

/** The nouns a group of unnamed speakers is made of (singular and plural). */
const GROUP_NOUN = /^(?:(?:hon\.?|honourable|honorable) )?(?:member states?|members?|states?|delegations?|delegates?|representatives?|councillors?|councilors?|participants?|speakers?|panell?ists?|attendees?|countries|country|governments?|voices?|people|persons?|person|others|observers?|experts?|stakeholders?|organizations?|organisations?|users?|students?|délégations?|délégués?|participantes?|membres?|miembros?|delegaciones?)(?: (?:from the floor|in the room|online))?$/;

/**
 * The phrase a written name is, if it is one: `The Chairman` → the chair's office. Asked for
 * every turn; as many names as `nameKey` keeps (the bench's thousand meetings write 13,000
 * distinct speakers: kept 10,000 at a time, they were forgotten and read again all along).
 */
export const speakerPhraseOf: (written: string) => SpeakerPhrase | undefined = memoised(readPhrase, 50_000);

function readPhrase(written: string): SpeakerPhrase | undefined {
    const words = phraseWords(written);
    if (words.length === 0 || words.length > 120) return undefined;
    // The name after `of` as written (its case kept): the country or delegation to look up.
    const delegation = DELEGATION.exec(written.trim());
    if (delegation) return { kind: 'delegation', of: delegation[1].trim() };
    const title = words.replace(OFFICE_PREFIX, '');
    const office = officeOf(title);
    // The title as written (its case kept), for a directory entry by those words.
    const spaced = written.trim().replace(/\s+/g, ' ');
    const writtenTitle = spaced.slice(spaced.length - title.length);
    if (office) return { kind: 'office', office, title: writtenTitle };
    if (WHOLE_ROOM.test(words)) return { kind: 'group' };
    const counted = QUANTIFIER.exec(words);
    if (counted && GROUP_NOUN.test(counted[1])) return { kind: 'group' };
    if (title !== words && title.length > 0) return { kind: 'office', title: writtenTitle };
    return undefined;
}

/** Lower case, one space between words; the ASCII hyphen for `co‑chair`. */
function phraseWords(written: string): string {
    return written.normalize('NFC').toLowerCase().replace(/[\u2010-\u2012]/g, '-').replace(/\s+/g, ' ').trim();
}

/** The meeting office a label's words name (`Chair`, `Co-chairs`, `Scribe`, `Note taker`), if any. */
export function officeNamedBy(label: string): MeetingOffice | undefined {
    return officeOf(phraseWords(label));
}

function officeOf(words: string): MeetingOffice | undefined {
    for (const [pattern, office] of OFFICE_WORDS) if (pattern.test(words)) return office;
    return undefined;
}

/**
 * Whether a written name that the directory lacks stands for someone unnamed on purpose: a
 * group, or an office (whose holder, when the meeting names one, it resolves to).
 */
export function namesNoOne(written: string): boolean {
    const phrase = speakerPhraseOf(written);
    return phrase?.kind === 'group' || (phrase?.kind === 'office' && phrase.office !== undefined);
}
