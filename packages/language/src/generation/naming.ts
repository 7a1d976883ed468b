import { isOrganisation, isPerson, type Party } from '../generated/ast.js';
import { displayName, firstOrganisationName, shortName } from '../model/directory.js';
import { attendanceWord } from '../model/structure.js';
import { namesNoOne, speakerPhraseOf } from '../model/speaker-phrases.js';
import { mentionText } from '../model/text.js';
import type { OutputWords } from '../model/translations.js';
import { anonymousName, type Attribution } from './attribution.js';

/**
 * How people and organisations are named in the outputs. Every name an output shows — a
 * speaker, an attendee, an action's owner, a mention in prose, a chair — comes from
 * `nameParty`, so that a policy on attribution is applied in one place.
 */
export interface NamingOptions {
    /**
     * `as-written` (the default): a reference reads as written (`@Marilyn` → "Marilyn",
     * a bare handle → the directory name), as the language defines. `directory`: every
     * reference reads as the directory's name, which normalises the spellings of a source
     * (`@{Torbjorn Fredrikssion}` → "Torbjörn Fredriksson").
     */
    readonly names?: 'as-written' | 'directory';
    /**
     * Who said what (see attribution.ts): `full` names people; `organisation` and `none`
     * (the Chatham House Rule) read a person as "a participant from …". Default: `full`.
     */
    readonly attribution?: Attribution;
}

export { NAME_STYLES } from '../options.js';

/** A person or organisation as an output names them. */
export interface PartyName {
    /** The directory handle, for anchors and cross-references; missing when the reference did not resolve. */
    readonly handle?: string;
    /** `group`: people the record does not name (`Several participants`); `office`: an office the meeting names no holder for. */
    readonly kind: 'person' | 'organisation' | 'unresolved' | 'unidentified' | 'group' | 'office';
    /** How the reference reads here. */
    readonly name: string;
    /** Named "a participant from …" under the Chatham House Rule: no handle, display name or organisation. */
    readonly anonymised?: boolean;
    /** The directory's display name (without honorific). */
    readonly displayName?: string;
    /** The organisation they are with, as it reads here: `ICANN Board`, `UNCTAD`. */
    readonly organisation?: string;
}

/** What a reference names, and how it was written. */
export interface PartyReference {
    readonly party?: Party;
    /** The name as written, without `@` and braces (`Marilyn Cade`); `?` for `@?`. */
    readonly written: string;
}

/** What is known about the place where a name appears. */
export interface NamingContext {
    /**
     * Affiliations written in the meeting's attendee list (`- @mshears (ICANN Board)`), by
     * handle: in that meeting they name the organisation better than the directory does.
     */
    readonly affiliations?: ReadonlyMap<string, string>;
    /** The organisation a turn's speaker speaks for (`[for @org]`). */
    readonly onBehalfOf?: Party;
    /** The reference is a turn's speaker (an organisation speaking is anonymised at attribution `none`). */
    readonly speaking?: boolean;
    /** Overrides the options' attribution here: the sender and recipients are always named in full. */
    readonly attribution?: Attribution;
}

/**
 * Names a reference for an output. The one function through which every name passes.
 * `words` are those of the language of the place (an unidentified speaker, "a participant from …").
 */
export function nameParty(reference: PartyReference, context: NamingContext, options: NamingOptions, words: OutputWords): PartyName {
    const { party, written } = reference;
    if (written === '?' && !party) {
        return { kind: 'unidentified', name: words.unidentifiedSpeaker };
    }
    // A group names no one: it reads as written, whatever the attribution.
    if (!party && speakerPhraseOf(written)?.kind === 'group') return { kind: 'group', name: written };
    const attribution = context.attribution ?? options.attribution ?? 'full';
    if (attribution !== 'full') {
        const affiliation = party ? context.affiliations?.get(party.name) : undefined;
        const anonymous = anonymousName(party, { onBehalfOf: context.onBehalfOf, affiliation, speaking: context.speaking }, attribution, words);
        if (anonymous !== undefined) return { kind: party && isOrganisation(party) ? 'organisation' : 'person', name: anonymous, anonymised: true };
    }
    if (!party) {
        return { kind: namesNoOne(written) ? 'office' : 'unresolved', name: written };
    }
    const name = options.names === 'directory' ? shortName(party) : mentionText(written, party);
    return {
        handle: party.name,
        kind: isOrganisation(party) ? 'organisation' : 'person',
        name,
        displayName: displayName(party),
        organisation: organisationOf(party, context)
    };
}

function organisationOf(party: Party, context: NamingContext): string | undefined {
    if (context.onBehalfOf && context.onBehalfOf !== party) return shortName(context.onBehalfOf);
    if (!isPerson(party)) return undefined;
    return context.affiliations?.get(party.name) ?? firstOrganisationName(party);
}

/** `Matthew Shears (ICANN Board)`: a name with the organisation, as a speaker is headed. */
export function nameWithAffiliation(name: PartyName): string {
    return name.organisation ? `${name.name} (${name.organisation})` : name.name;
}

/**
 * The affiliation an attendee note starts with: `(ICANN Board)` → `ICANN Board`. A note
 * that says how someone attended (`(remote)`, `(absent)`) names no affiliation.
 */
export function affiliationInNote(note: string): string | undefined {
    const inParentheses = /^\(([^()]+)\)/.exec(note.trim())?.[1].trim();
    if (!inParentheses || attendanceWord(inParentheses.toLowerCase())) return undefined;
    return inParentheses;
}
