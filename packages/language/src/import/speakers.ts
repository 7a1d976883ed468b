import { isParty, type Party } from '../generated/ast.js';
import { aliasesOf, displayName } from '../model/directory.js';
import { editDistance, nameKey } from '../model/names.js';
import { speakerPhraseOf } from '../model/speaker-phrases.js';
import { referenceTo } from '../lsp/name-occurrences.js';
import type { NameKeyScope } from '../scoping/minutes-scope-provider.js';

/** The meeting roles a transcript names by their title (`>> MODERATOR:`). */
export type LabelRole = 'moderator' | 'chair';

/** A directory entry the import adds for a speaker the directory does not know. */
export interface NewEntry {
    readonly handle: string;
    /** The display name, from the label (`SANJA KELLY` → `Sanja Kelly`). */
    readonly name: string;
}

/** How a transcript's speaker label was resolved. */
export type SpeakerMatch =
    /** Found by name key, exactly: handle, display name or alias; or a role label of a declared role. */
    | { kind: 'matched'; party: Party; reference: string; via: 'handle' | 'name' | 'alias' | 'role' }
    /** A near match (`MARCUS KUMER` → Marcus Kummer): used, but to be checked. */
    | { kind: 'guessed'; party: Party; reference: string; why: string }
    /** Nobody matches: a new entry, marked for review; `candidates` when several near matches tied. */
    | { kind: 'new'; entry: NewEntry; reference: string; candidates: Party[] }
    /**
     * A role or a generic label nobody in particular answers to. A role label of an undeclared role
     * that the language reads as an office (`MODERATOR`, `THE CHAIR`) keeps its words as the
     * reference (`@MODERATOR`, which names whoever a `moderator:` line names); any other is `@?`
     * with qualifiers (`AUDIENCE` → `@? [from the floor]`).
     */
    | { kind: 'unidentified'; qualifiers: string[]; office?: string };

interface GenericLabel {
    readonly role?: LabelRole;
    readonly qualifiers: string[];
}

const AS_MODERATOR: GenericLabel = { role: 'moderator', qualifiers: ['as moderator'] };
const AS_CHAIR: GenericLabel = { role: 'chair', qualifiers: ['as chair'] };
const FROM_THE_FLOOR: GenericLabel = { qualifiers: ['from the floor'] };
const NOBODY_IN_PARTICULAR: GenericLabel = { qualifiers: [] };
const REMOTE: GenericLabel = { qualifiers: ['remote'] };

/** Labels that name a role or nobody in particular, by name key. */
const GENERIC_LABELS = new Map<string, GenericLabel>([
    ...['moderator', 'the moderator'].map(key => [key, AS_MODERATOR] as const),
    ...['chair', 'the chair', 'chairman', 'chairwoman', 'chairperson', 'chair person', 'madam chair', 'mr chairman']
        .map(key => [key, AS_CHAIR] as const),
    ...['audience', 'audience member', 'floor', 'from the floor', 'participant', 'attendee', 'question', 'questioner', 'q',
        'audience question', 'participant from the floor'].map(key => [key, FROM_THE_FLOOR] as const),
    ...['speaker', 'unidentified speaker', 'unknown speaker', 'unidentified', 'unknown', 'male speaker', 'female speaker',
        'man', 'woman', 'voice', 'a', 'answer', 'multiple speakers', 'several speakers', 'all']
        .map(key => [key, NOBODY_IN_PARTICULAR] as const),
    ...['remote participant', 'remote speaker', 'remote'].map(key => [key, REMOTE] as const),
    ['interpreter', { qualifiers: ['as interpreter'] }],
    ['captioner', { qualifiers: ['as captioner'] }],
    ['remote moderator', { qualifiers: ['as remote moderator'] }],
    ['rapporteur', { qualifiers: ['as rapporteur'] }]
]);

/** `@MODERATOR`, `@{THE CHAIR}`: the label as written, when the language reads it as that office. */
function officeReference(label: string, role: LabelRole): string | undefined {
    const written = label.trim().replace(/\s+/g, ' ');
    const phrase = speakerPhraseOf(written);
    if (phrase?.kind !== 'office' || phrase.office !== role) return undefined;
    return writtenReference(written);
}

/** A reference to a name as written (`@mcade`, `@{Marilyn Cade}`); undefined when no reference can hold it (a brace). */
function writtenReference(name: string): string | undefined {
    return /[{}\r\n]/.test(name) ? undefined : referenceTo(name);
}

/** Beyond this many distinct labels, no more near matches are tried: guessing stays bounded on any input. */
const MAX_GUESSED_LABELS = 200;

/**
 * Resolves speaker labels against the workspace directory, the way references resolve
 * (NameKeyScope: case, diacritics, punctuation and a leading honorific do not matter),
 * then by role, then by near match; what remains becomes a new entry. Results are memoised
 * per name key, so every turn of one label resolves alike.
 */
export class SpeakerMatcher {
    private readonly resolved = new Map<string, SpeakerMatch>();
    private readonly byLabel = new Map<string, SpeakerMatch>();
    /** Name keys of the new entries' handles and names, each to its entry. */
    private readonly reserved = new Map<string, NewEntry>();
    private readonly nextSuffix = new Map<string, number>();
    private readonly newEntries: NewEntry[] = [];
    private guessedLabels = 0;

    constructor(private readonly scope: NameKeyScope | undefined, private readonly roles: Partial<Record<LabelRole, Party>> = {}) {}

    /** The entries created so far, in order of first appearance. */
    get entries(): readonly NewEntry[] {
        return this.newEntries;
    }

    match(label: string): SpeakerMatch {
        let match = this.byLabel.get(label);
        if (match) return match;
        const key = nameKey(label);
        match = this.resolved.get(key);
        if (!match) {
            match = this.resolve(label, key);
            this.resolved.set(key, match);
        }
        this.byLabel.set(label, match);
        return match;
    }

    private resolve(label: string, key: string): SpeakerMatch {
        const exact = key ? this.exactMatch(key) : undefined;
        if (exact) return exact;
        const generic = GENERIC_LABELS.get(key);
        if (generic) {
            const party = generic.role === 'moderator' ? this.roles.moderator ?? this.roles.chair
                : generic.role === 'chair' ? this.roles.chair ?? this.roles.moderator : undefined;
            const reference = party && this.referenceTo(party);
            if (party && reference) return { kind: 'matched', party, reference, via: 'role' };
            const office = generic.role && officeReference(label, generic.role);
            return office ? { kind: 'unidentified', qualifiers: [], office } : { kind: 'unidentified', qualifiers: generic.qualifiers };
        }
        const reserved = this.reserved.get(key);
        if (reserved) return { kind: 'new', entry: reserved, reference: `@${reserved.handle}`, candidates: [] };
        // `PARTICIPANT (REMOTE)`, `KUO WU (TWNIC)`: the name before a parenthesis may be known.
        const bare = nameKey(label.replace(/\([^)]*\)?/g, ' '));
        if (bare && bare !== key) {
            const known = this.exactMatch(bare);
            if (known) return known;
        }
        let candidates: Party[] = [];
        if (key && this.guessedLabels < MAX_GUESSED_LABELS) {
            this.guessedLabels++;
            const near = this.nearMatch(key);
            if (near && 'party' in near) {
                const reference = this.referenceTo(near.party);
                if (reference) return { kind: 'guessed', party: near.party, reference, why: near.why };
            } else if (near) {
                candidates = near.tied;
            }
        }
        const entry = this.createEntry(label);
        return { kind: 'new', entry, reference: `@${entry.handle}`, candidates };
    }

    private exactMatch(key: string): SpeakerMatch | undefined {
        const description = this.scope?.getElement(key);
        const party = description?.node;
        if (!description || !isParty(party)) return undefined;
        const reference = this.referenceTo(party);
        if (!reference) return undefined;
        const via = nameKey(party.name) === key ? 'handle' : aliasesOf(party).some(alias => nameKey(alias) === key) ? 'alias' : 'name';
        return { kind: 'matched', party, reference, via };
    }

    /**
     * The closest party by name key: edit distance (at most 1 for 5–9 letters, 2 from 10,
     * 3 from 15), the same words in another order, initials (`M. KUMMER`), or, for a
     * one-word label, one word of exactly one party's name (`KUMMER`). A tie between
     * parties is no guess.
     */
    private nearMatch(key: string): { party: Party; why: string } | { tied: Party[] } | undefined {
        if (!this.scope) return undefined;
        const limit = Math.min(3, Math.floor(key.length / 5));
        const words = key.split(' ');
        let best = Number.POSITIVE_INFINITY;
        let bestParties = new Set<Party>();
        let bestName = '';
        const consider = (score: number, party: Party, name: string) => {
            if (score < best) {
                best = score;
                bestParties = new Set([party]);
                bestName = name;
            } else if (score === best) {
                bestParties.add(party);
            }
        };
        for (const [candidateKey, descriptions] of this.scope.entries()) {
            let score: number | undefined;
            if (limit > 0 && Math.abs(candidateKey.length - key.length) <= limit) {
                const distance = editDistance(key, candidateKey, limit);
                if (distance <= limit) score = distance;
            }
            const candidateWords = candidateKey.split(' ');
            if (score === undefined && words.length > 1 && sameWordsOrInitials(words, candidateWords)) score = 0.5;
            if (score === undefined && words.length === 1 && key.length >= 3 && candidateWords.length > 1 && candidateWords.includes(key)) score = 4;
            if (score === undefined) continue;
            for (const description of descriptions) {
                if (isParty(description.node)) consider(score, description.node, description.name);
            }
        }
        if (bestParties.size === 0) return undefined;
        if (bestParties.size > 1) return { tied: [...bestParties] };
        const party = [...bestParties][0];
        const what = nameKey(bestName) === nameKey(party.name) ? `the handle @${party.name}` : `'${bestName}'`;
        const why = best === 4 ? `one word of ${what}`
            : best === 0.5 ? `the words or initials of ${what}`
                : `${best} letter${best === 1 ? '' : 's'} from ${what}`;
        return { party, why };
    }

    /** How the output refers to a party: its handle, or a name that resolves to it when the handle does not. */
    referenceTo(party: Party): string | undefined {
        for (const name of [party.name, displayName(party), ...aliasesOf(party)]) {
            if (!name || this.scope?.getElement(name)?.node !== party) continue;
            const reference = writtenReference(name);
            if (reference) return reference;
        }
        return undefined;
    }

    private createEntry(label: string): NewEntry {
        const name = tidyName(label);
        const nameKeyOfName = nameKey(name);
        const handle = this.uniqueHandle(baseHandle(nameKeyOfName));
        const entry: NewEntry = { handle, name };
        this.newEntries.push(entry);
        this.reserved.set(nameKey(handle), entry);
        if (nameKeyOfName && !this.reserved.has(nameKeyOfName)) this.reserved.set(nameKeyOfName, entry);
        return entry;
    }

    /** `asmith`, else `asmith2`, `asmith3`…: free in the workspace and among the new entries. */
    private uniqueHandle(base: string): string {
        let suffix = this.nextSuffix.get(base) ?? 1;
        let handle = suffix === 1 ? base : `${base}${suffix}`;
        while (this.reserved.has(nameKey(handle)) || this.scope?.getElement(handle)) {
            suffix++;
            handle = `${base}${suffix}`;
        }
        this.nextSuffix.set(base, suffix + 1);
        return handle;
    }
}

/**
 * `sanja kelly` → `skelly`, the directory's habit (first initial, family name); one word as
 * it is; `speaker 1` → `speaker1`, since a number is no family name.
 */
function baseHandle(key: string): string {
    const words = key.split(' ').filter(Boolean);
    if (words.length > 1 && /^\p{N}+$/u.test(words[words.length - 1])) return Array.from(words.join('')).slice(0, 30).join('');
    const initial = words.length > 1 ? Array.from(words[0])[0] : '';
    const handle = Array.from(initial + (words[words.length - 1] ?? '')).slice(0, 30).join('');
    return handle || 'speaker';
}

/** `SANJA KELLY` → `Sanja Kelly`; `O'BRIEN` → `O'Brien`; a label with lower-case letters stays as written. */
export function tidyName(label: string): string {
    const name = label.replace(/\s+/g, ' ').trim();
    if (name !== name.toUpperCase() || name === name.toLowerCase()) return name;
    return name.toLowerCase().replace(/(^|[\s\-'’.(])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The same words in any order, or words that are initials of each other's (`m kummer` ~ `marcus kummer`). */
function sameWordsOrInitials(words: string[], candidate: string[]): boolean {
    if (words.length !== candidate.length) return false;
    if ([...words].sort().join(' ') === [...candidate].sort().join(' ')) return true;
    return words.every((word, i) => word === candidate[i]
        || (word.length === 1 && candidate[i].startsWith(word))
        || (candidate[i].length === 1 && word.startsWith(candidate[i])));
}
