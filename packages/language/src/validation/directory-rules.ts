import type { ValidationAcceptor } from 'langium';
import { isOrganisation, type EntryField, type Party } from '../generated/ast.js';
import { displayName, entryFields, STAKEHOLDER_GROUPS, stakeholderGroupNamed } from '../model/directory.js';
import { editDistance, nameKey } from '../model/names.js';
import { writtenText } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { describeDeclaration, type NameClash, type NameClashes } from './name-clashes.js';
import { listItems, rangeOfOffsets, writtenValue } from './ranges.js';
import { isKey } from '../model/vocabulary.js';

/**
 * Rules on directory entries. Clashes are found across every file of the workspace (see
 * NameClashes); each entry reports its own part, so each file shows its own errors.
 */
export type PartyRule = (party: Party, accept: ValidationAcceptor, clashes: NameClashes) => void;

function clashesOfKind(clashes: NameClashes, party: Party, kind: NameClash['kind']): NameClash[] {
    return clashes.of(party).filter(clash => clash.kind === kind);
}

/**
 * At most this many names are listed in a message: with thousands of entries under one name
 * (a pasted list), listing them all made each message as long as the directory and the
 * check quadratic (4,000 people named alike took 38 s).
 */
export const NAMES_LISTED = 3;

/** `A, B and C`, or `A, B, C and 12 more`. */
export function listed(names: readonly string[], total = names.length): string {
    const shown = names.slice(0, NAMES_LISTED);
    if (total > shown.length) return `${shown.join(', ')} and ${total - shown.length} more`;
    return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** The other declarations of a clash, as a message lists them. */
function listOfNames(clash: NameClash, from: Party): string {
    return listed(clash.othersUpTo(NAMES_LISTED).map(party => describeDeclaration(party, from)), clash.otherCount);
}

/** `person @mcade …` twice, or `@mcade` and `@MCade`: handles ignore case (and accents, and which punctuation), as references do. */
export const handleMustBeUnique: PartyRule = (party, accept, clashes) => {
    for (const clash of clashesOfKind(clashes, party, 'handle')) {
        accept('error', `Handle '@${party.name}' is already taken by ${listOfNames(clash, party)}: `
            + `handles ignore case, so a reference cannot tell them apart.`, {
            node: party, property: 'name', code: IssueCodes.DuplicateHandle, data: { code: IssueCodes.DuplicateHandle }
        });
    }
};

/**
 * `person @DE: Daniel Ehrenberg`, written as a field is: the colon is not the name's, but read
 * as written it would be (`: Daniel Ehrenberg` in every output), so it is pointed at.
 */
export const nameMustNotStartWithColon: PartyRule = (party, accept) => {
    const written = writtenValue(party.displayName);
    if (!written?.value.startsWith(':')) return;
    const name = written.value.slice(1).trim();
    accept('warning', `The name of '@${party.name}' starts with a colon, which would be printed as part of it: `
        + `a directory entry is written '${isOrganisation(party) ? party.kind : 'person'} @${party.name}${name ? ` ${name}` : ''}', with no colon after the handle.`, {
        node: party,
        range: rangeOfOffsets(party, written.offset, written.offset + 1),
        code: IssueCodes.ColonAfterHandle,
        data: { code: IssueCodes.ColonAfterHandle }
    });
};

/** The same person declared twice, under two handles. */
export const personMustBeDeclaredOnce: PartyRule = (party, accept, clashes) => {
    for (const clash of clashesOfKind(clashes, party, 'person')) {
        accept('error', `Person '${displayName(party)}' is declared more than once: also as ${listOfNames(clash, party)}.`, {
            node: party, property: party.displayName ? 'displayName' : 'name',
            code: IssueCodes.DuplicatePerson, data: { code: IssueCodes.DuplicatePerson }
        });
    }
};

/** The same organisation declared twice, under two handles. */
export const organisationMustBeDeclaredOnce: PartyRule = (party, accept, clashes) => {
    for (const clash of clashesOfKind(clashes, party, 'organisation')) {
        accept('error', `Organisation '${displayName(party)}' is declared more than once: also as ${listOfNames(clash, party)}.`, {
            node: party, property: party.displayName ? 'displayName' : 'name',
            code: IssueCodes.DuplicateOrganisation, data: { code: IssueCodes.DuplicateOrganisation }
        });
    }
};

/** `alias: Anja` on two people: `@Anja` cannot tell them apart. */
export const aliasMustNameOneParty: PartyRule = (party, accept, clashes) => {
    for (const clash of clashesOfKind(clashes, party, 'alias')) {
        const fields = entryFields(party, 'alias', ...(isOrganisation(party) ? ['acronym'] : []));
        for (const field of fields) {
            const written = writtenValue(field.value);
            if (!written) continue;
            for (const item of listItems(written.value)) {
                if (nameKey(item.text) !== clash.key) continue;
                const what = isKey(field.key, 'acronym') ? 'Acronym' : 'Alias';
                const list = listed([party, ...clash.othersUpTo(NAMES_LISTED)].map(displayName), 1 + clash.otherCount);
                accept('error', `${what} '${item.text}' is shared by ${list}: '@${item.text.includes(' ') ? `{${item.text}}` : item.text}' cannot tell them apart.`, {
                    node: field,
                    range: rangeOfOffsets(field, written.offset + item.start, written.offset + item.end),
                    code: IssueCodes.AmbiguousName,
                    data: { code: IssueCodes.AmbiguousName }
                });
            }
        }
    }
};

/**
 * `stakeholder: civil socety` names no group: the organisation's people would be counted
 * "with no stakeholder group" (and read "a participant" under the Chatham House Rule)
 * without a word. The message names the closest group, and every group.
 */
export function stakeholderMustBeKnown(field: EntryField, accept: ValidationAcceptor): void {
    if (!isKey(field.key, 'stakeholder')) return;
    const written = writtenText(field.value).trim();
    if (!written || stakeholderGroupNamed(written)) return;
    const key = written.toLowerCase();
    const closest = [...STAKEHOLDER_GROUPS].map(group => ({ group, distance: editDistance(key, group, 4) }))
        .filter(({ distance }) => distance <= Math.max(2, Math.floor(key.length / 4)))
        .sort((a, b) => a.distance - b.distance)[0]?.group;
    accept('warning', `'${written}' is not a stakeholder group${closest ? `: did you mean '${closest}'?` : '.'} `
        + `The groups are ${STAKEHOLDER_GROUPS.slice(0, -1).join(', ')} and ${STAKEHOLDER_GROUPS[STAKEHOLDER_GROUPS.length - 1]}.`, {
        node: field, property: 'value', code: IssueCodes.UnknownStakeholder, data: { code: IssueCodes.UnknownStakeholder, closest }
    });
}
