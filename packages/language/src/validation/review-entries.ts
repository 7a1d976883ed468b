import type { ValidationAcceptor } from 'langium';
import { isParty, type EntryField } from '../generated/ast.js';
import { displayName } from '../model/directory.js';
import { writtenText } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';
import { isKey } from '../model/vocabulary.js';

/** What the quick fixes of an unreviewed entry need: which entry, and its review line. */
export interface UnreviewedEntryData {
    code: typeof IssueCodes.UnreviewedEntry;
    handle: string;
    name: string;
}

/**
 * `review: imported from x.txt; confirm or link to an existing person`: an entry someone
 * must still look at (`minutes import` writes one for each speaker the directory does not
 * know). It stays a warning until the line is removed (confirmed) or the entry is replaced
 * by an existing person; the quick fixes do either.
 */
export function entryMarkedForReviewMustBeReviewed(field: EntryField, accept: ValidationAcceptor): void {
    if (!isKey(field.key, 'review')) return;
    const party = field.$container;
    if (!isParty(party)) return;
    const note = writtenText(field.value).trim();
    const name = displayName(party);
    const data: UnreviewedEntryData = { code: IssueCodes.UnreviewedEntry, handle: party.name, name };
    accept('warning', `'${name}' (@${party.name}) is marked for review${note ? ` (${note})` : ''}: `
        + `confirm the entry by removing this line, or link its references to an existing person.`, {
        node: field,
        code: IssueCodes.UnreviewedEntry,
        data
    });
}
