import type { AstNode } from 'langium';
import type { Party, EntryField } from '../generated/ast.js';
import { isOrganisation, isPerson, Organisation, Person } from '../generated/ast.js';
import { splitHonorific } from './names.js';
import { writtenText } from './text.js';
import { keyDefinition } from './vocabulary.js';

/** Stakeholder groups, as written after `stakeholder:`. */
export const STAKEHOLDER_GROUPS = [
    'government', 'intergovernmental', 'civil society', 'private sector', 'technical community', 'academia'
] as const;
export type StakeholderGroup = typeof STAKEHOLDER_GROUPS[number];

/**
 * `isParty` by the node's own type (a party is a person or an organisation), without the
 * reflection's subtype lookup: asked of every block and reference of a long document at each edit.
 */
export function isPartyNode(node: AstNode): node is Party {
    return node.$type === Person.$type || node.$type === Organisation.$type;
}

/** The fields of a directory entry that mean one of `ids` (`alias` is `alias:` and `aliases:`): see vocabulary.ts. */
export function entryFields(party: Party, ...ids: string[]): EntryField[] {
    return party.fields.filter(field => ids.includes(keyDefinition(field.key)?.id ?? ''));
}

function firstFieldText(party: Party, id: string): string | undefined {
    const field = entryFields(party, id)[0];
    const text = field ? writtenText(field.value).trim() : '';
    return text || undefined;
}

/** The entry's `email:`, if any. */
export function emailAddressOf(party: Party): string | undefined {
    return firstFieldText(party, 'email');
}

/** The display name as written after the handle, without honorific. */
export function displayName(party: Party): string {
    const written = writtenText(party.displayName).trim();
    if (!written) return party.name;
    return isPerson(party) ? splitHonorific(written).name : written;
}

/** Ms, Mr, Dr, Ambassador...: from `honorific:` or from the start of the display name. */
export function honorificOf(person: Person): string | undefined {
    return firstFieldText(person, 'honorific') ?? splitHonorific(writtenText(person.displayName)).honorific;
}

/** How a party reads in running text: a person's name, an organisation's acronym or name. */
export function shortName(party: Party): string {
    if (isOrganisation(party)) {
        return firstFieldText(party, 'acronym') ?? displayName(party);
    }
    return displayName(party);
}

/** An organisation's full name: `name:`, or the display name. */
export function fullName(org: Organisation): string {
    return firstFieldText(org, 'name') ?? displayName(org);
}

/** Aliases: comma- or semicolon-separated names after `alias:`/`aliases:`. */
export function aliasesOf(party: Party): string[] {
    return entryFields(party, 'alias')
        .flatMap(field => writtenText(field.value).split(/[,;]/))
        .map(alias => alias.trim())
        .filter(alias => alias.length > 0);
}

/** The organisations a person belongs to (`org:`), resolved. */
export function organisationsOf(person: Person): Organisation[] {
    return entryFields(person, 'org')
        .flatMap(field => field.value?.mentions ?? [])
        .map(mention => mention.party.ref)
        .filter(isOrganisation);
}

/** The short name of a person's first organisation (`ICANN`), if they have one. */
export function firstOrganisationName(party: Party): string | undefined {
    const organisation = isPerson(party) ? organisationsOf(party)[0] : undefined;
    return organisation ? shortName(organisation) : undefined;
}

/** A person's role or title, as written. */
export function roleOf(person: Person): string | undefined {
    return firstFieldText(person, 'role');
}

/** The stakeholder group a `stakeholder:` value names (`Civil Society`, `civil-society`), if any. */
export function stakeholderGroupNamed(written: string): StakeholderGroup | undefined {
    const key = written.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
    return STAKEHOLDER_GROUPS.find(group => group === key);
}

/** The stakeholder group of an organisation, or of a person through their first organisation. */
export function stakeholderGroupOf(party: Party): StakeholderGroup | undefined {
    if (isOrganisation(party)) {
        const written = firstFieldText(party, 'stakeholder');
        const group = written === undefined ? undefined : stakeholderGroupNamed(written);
        if (group) return group;
        if (party.kind === 'country' || party.kind === 'delegation') return 'government';
        return undefined;
    }
    for (const org of organisationsOf(party)) {
        const group = stakeholderGroupOf(org);
        if (group) return group;
    }
    return undefined;
}

/** `Matthew Shears (ICANN Board)`: a party with its first organisation. */
export function nameWithOrganisation(party: Party, name = shortName(party)): string {
    if (isPerson(party)) {
        const org = organisationsOf(party)[0];
        return org ? `${name} (${shortName(org)})` : name;
    }
    return name;
}

/** Every name a party can be referred to by: handle, display name, aliases. */
export function namesOf(party: Party): string[] {
    const names = [party.name, displayName(party), ...aliasesOf(party)];
    if (isOrganisation(party)) {
        const acronym = firstFieldText(party, 'acronym');
        if (acronym) names.push(acronym);
        const full = firstFieldText(party, 'name');
        if (full) names.push(full);
    }
    return names;
}
