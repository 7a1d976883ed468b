import type { AstNode, CstNode } from 'langium';
import {
    isActionUpdate, isAction, isEntryField, isField, isMention, isParty, isSpeakerLine, type Party, type Text
} from '../generated/ast.js';
import { displayName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import type { NameKeyScope } from '../scoping/minutes-scope-provider.js';
import { IssueCodes, type IssueCode } from './issue-codes.js';
import { attendeeAt, splitActionHeader } from '../model/structure.js';
import { isKey } from '../model/vocabulary.js';

/** What an unresolved reference was meant to be, for the message and the issue code. */
export interface UnknownName {
    code: IssueCode;
    /** `speaker`, `mention`, `action owner`, `attendee`, `organisation`, `action`. */
    role: string;
}

/** Classifies an unresolved reference by where it is written. */
export function classifyUnknownName(container: AstNode, reference: { $refNode?: CstNode }): UnknownName {
    if (isActionUpdate(container)) return { code: IssueCodes.UnknownAction, role: 'action' };
    if (isSpeakerLine(container)) {
        return attendeeAt(container) ?  { code: IssueCodes.UnknownAttendee, role: 'attendee' } : { code: IssueCodes.UnknownSpeaker, role: 'speaker' };
    }
    if (isMention(container)) {
        // A name of a one-line attendee list (`attendees: @carol, @mark`).
        if (attendeeAt(container)) return { code: IssueCodes.UnknownAttendee, role: 'attendee' };
        const text = container.$container as Text;
        const owner = text.$container as AstNode;
        if (isEntryField(owner) && isKey(owner.key, 'org')) {
            return { code: IssueCodes.UnknownOrganisation, role: 'organisation' };
        }
        if (isAction(owner) && text === owner.text) {
            const { headerEnd } = splitActionHeader(owner.text);
            if ((reference.$refNode?.offset ?? 0) < headerEnd) return { code: IssueCodes.UnknownOwner, role: 'action owner' };
        }
        if (isField(owner)) {
            const key = owner.key.toLowerCase().replace(/:$/, '');
            if (['chair', 'moderator', 'rapporteur', 'notetaker', 'author'].includes(key)) {
                return { code: IssueCodes.UnknownMention, role: key };
            }
            if (['group', 'series', 'organisers', 'organizers', 'organiser', 'organizer'].includes(key)) {
                return { code: IssueCodes.UnknownMention, role: key === 'group' || key === 'series' ? 'group' : 'organiser' };
            }
        }
        return { code: IssueCodes.UnknownMention, role: 'name' };
    }
    return { code: IssueCodes.UnknownMention, role: 'name' };
}

/**
 * The known names closest to a written one: bounded edit distance over name keys
 * (case-, diacritics- and punctuation-insensitive, aliases included), then names that
 * start with what was written. One suggestion per person, best first.
 */
export function suggestNames(scope: NameKeyScope, written: string, max = 3): string[] {
    const key = nameKey(written);
    if (!key) return [];
    const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    const scored: Array<{ name: string; node: unknown; score: number; rank: number }> = [];
    const displayNames = displayNamesOf(scope);
    // Within `limit` edits, or a word starting with what was written (limit + 0.5); the
    // scope indexes its keys for this (NameKeyScope.nearKeys).
    for (const { descriptions, score } of scope.nearKeys(key, limit)) {
        for (const description of descriptions) {
            // Among equally close names of one party, its display name reads best, then its handle.
            const party = isParty(description.node) ? description.node : undefined;
            const rank = party && description.name === displayNames(party) ? 0 : party && description.name === party.name ? 1 : 2;
            scored.push({ name: description.name, node: description.node ?? description.path, score, rank });
        }
    }
    scored.sort((a, b) => a.score - b.score || a.rank - b.rank || a.name.localeCompare(b.name));
    const seen = new Set<unknown>();
    const result: string[] = [];
    for (const entry of scored) {
        if (seen.has(entry.node)) continue;
        seen.add(entry.node);
        result.push(entry.name);
        if (result.length >= max) break;
    }
    return result;
}

/**
 * Display names, read once per state of the workspace (its scope): every unknown name of a
 * file asks for the names near it, and a display name is read from its text each time —
 * quadratic for a long entry among thousands of unknown names.
 */
const displayNameCaches = new WeakMap<NameKeyScope, Map<Party, string>>();

function displayNamesOf(scope: NameKeyScope): (party: Party) => string {
    let cache = displayNameCaches.get(scope);
    if (!cache) displayNameCaches.set(scope, cache = new Map());
    return party => {
        let name = cache!.get(party);
        if (name === undefined) cache!.set(party, name = displayName(party));
        return name;
    };
}

/** `Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?` */
export function unknownNameMessage(role: string, written: string, suggestions: string[]): string {
    const what = `Unknown ${role} '${written}'.`;
    if (suggestions.length === 0) return `${what} No person or organisation in the directory has this name.`;
    const quoted = suggestions.map(s => `'${s}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    return `${what} Did you mean ${list}?`;
}
