import { AstUtils, UriUtils, WorkspaceCache } from 'langium';
import { isOrganisation, isPerson, type Party } from '../generated/ast.js';
import type { MinutesCoreServices } from '../minutes-core-module.js';
import { aliasesOf, displayName, entryFields, fullName } from '../model/directory.js';
import { nameKey } from '../model/names.js';
import { writtenText } from '../model/text.js';
import type { MinutesScopeProvider } from '../scoping/minutes-scope-provider.js';

/**
 * How a party's name clashes with another's: the same handle, the same name of a person
 * or an organisation declared twice, or an alias (or acronym) that makes `@name` ambiguous.
 */
export interface NameClash {
    readonly kind: 'handle' | 'person' | 'organisation' | 'alias';
    /** The name key both answer to. */
    readonly key: string;
    /** How many other parties have that name. */
    readonly otherCount: number;
    /** The first `limit` of them, in the order declared. */
    othersUpTo(limit: number): Party[];
}

type Role = 'handle' | 'name' | 'alias';

/**
 * Name clashes among every person and organisation of the workspace, computed once per
 * workspace state from the name-key scope that linking builds anyway: only keys answered
 * by two or more parties are looked at, so a directory of thousands costs one pass over
 * the keys, and each party's check is a map lookup.
 */
export class NameClashes {
    private readonly scopeProvider: MinutesScopeProvider;
    private readonly cache: WorkspaceCache<string, Map<Party, NameClash[]>>;

    constructor(services: MinutesCoreServices) {
        this.scopeProvider = services.references.ScopeProvider;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** The clashes a party is part of. */
    of(party: Party): readonly NameClash[] {
        return this.table().get(party) ?? [];
    }

    private table(): Map<Party, NameClash[]> {
        return this.cache.get('clashes', () => this.compute());
    }

    private compute(): Map<Party, NameClash[]> {
        const table = new Map<Party, NameClash[]>();
        const add = (party: Party, clash: NameClash) => {
            const list = table.get(party);
            if (list) list.push(clash);
            else table.set(party, [clash]);
        };
        for (const [key, descriptions] of this.scopeProvider.scopeFor('Party').entries()) {
            if (descriptions.length < 2) continue;
            const parties = [...new Set(descriptions.map(d => d.node as Party | undefined))].filter((p): p is Party => p !== undefined);
            if (parties.length < 2) continue;
            const roles = new Map(parties.map(party => [party, rolesFor(party, key)]));
            const withRole = (role: Role, filter: (party: Party) => boolean = () => true) =>
                parties.filter(party => roles.get(party)!.has(role) && filter(party));

            const handleOwners = withRole('handle');
            if (handleOwners.length > 1) {
                for (const party of handleOwners) add(party, clashAmong('handle', key, handleOwners, party));
            }
            const persons = withRole('name', isPerson);
            if (persons.length > 1) {
                for (const party of persons) add(party, clashAmong('person', key, persons, party));
            }
            const organisations = withRole('name', isOrganisation);
            if (organisations.length > 1) {
                for (const party of organisations) add(party, clashAmong('organisation', key, organisations, party));
            }
            // A handle decides what `@name` means; without one, an alias shared with anyone is
            // ambiguous — unless the other is the same person declared twice, already an error.
            if (handleOwners.length === 0) {
                const nameKeys = new Map(parties.map(party => [party, nameKey(displayName(party))]));
                const named = new Map<string, number>();
                for (const own of nameKeys.values()) named.set(own, (named.get(own) ?? 0) + 1);
                // The first others of a name, found once for all the parties of that name: a search
                // per party would pass over all those of its name each time.
                const firstOthers = new Map<string, { limit: number; others: Party[] }>();
                for (const party of withRole('alias')) {
                    const own = nameKeys.get(party)!;
                    const otherCount = parties.length - named.get(own)!;
                    if (otherCount === 0) continue;
                    add(party, {
                        kind: 'alias', key, otherCount, othersUpTo: limit => {
                            let found = firstOthers.get(own);
                            if (!found || found.limit < limit) {
                                found = { limit, others: firstOf(parties, limit, p => nameKeys.get(p) !== own) };
                                firstOthers.set(own, found);
                            }
                            return found.others.slice(0, limit);
                        }
                    });
                }
            }
        }
        return table;
    }
}

/**
 * A clash with the others of a group: counted, and the first of them found when asked for —
 * a list per member would be quadratic for a group of thousands sharing one name (10,000
 * people: 10^8 entries), and so would a search through the group for each.
 */
function clashAmong(kind: NameClash['kind'], key: string, group: readonly Party[], party: Party): NameClash {
    return { kind, key, otherCount: group.length - 1, othersUpTo: limit => firstOf(group, limit, p => p !== party) };
}

/** The first `limit` parties that pass the test, in order. */
function firstOf(parties: readonly Party[], limit: number, test: (party: Party) => boolean): Party[] {
    const found: Party[] = [];
    for (const party of parties) {
        if (found.length >= limit) break;
        if (test(party)) found.push(party);
    }
    return found;
}

/** The roles a name key plays for a party: its handle, its name, or one of its aliases or acronyms. */
function rolesFor(party: Party, key: string): Set<Role> {
    const roles = new Set<Role>();
    if (nameKey(party.name) === key) roles.add('handle');
    if (nameKey(displayName(party)) === key || (isOrganisation(party) && nameKey(fullName(party)) === key)) roles.add('name');
    if (otherNamesOf(party).some(name => nameKey(name) === key)) roles.add('alias');
    return roles;
}

/** Aliases and, for an organisation, its acronym: the names an entry answers to besides its own. */
export function otherNamesOf(party: Party): string[] {
    const names = aliasesOf(party);
    for (const field of entryFields(party, 'acronym')) {
        const acronym = writtenText(field.value).trim();
        if (acronym) names.push(acronym);
    }
    return names;
}

/** `Marilyn Cade (@mcade, directory.minutes line 4)`: where another declaration is. */
export function describeDeclaration(party: Party, from: Party): string {
    const line = (party.$cstNode?.range.start.line ?? 0) + 1;
    const here = AstUtils.getDocument(from).uri.toString();
    const there = AstUtils.getDocument(party).uri;
    const where = there.toString() === here ? `line ${line}` : `${UriUtils.basename(there)} line ${line}`;
    return `${displayName(party)} (@${party.name}, ${where})`;
}
