import type { Party, Text } from '../generated/ast.js';
import { earlierActionsOf, type ActionLedger, type ActionSnapshot, type LedgerAction } from '../ledger/action-ledger.js';
import { readableDate } from '../model/dates.js';
import { titleLine } from '../model/title-line.js';
import { capitalised } from '../model/text.js';
import { actionTextFrom, splitActionHeader, type Meeting } from '../model/structure.js';
import { writtenName } from '../model/text.js';
import { ownersToName, type EarlierActionOutline, type EarlierActionsOutline } from './render-model.js';
import { counted, DEFAULT_LANGUAGE, filled, translationOf } from '../model/language.js';
import type { MentionSpan, RichText } from './rich-text.js';

/** The workspace's action ledger, for the "Actions from earlier meetings" of each meeting. */
export interface LedgerOptions {
    /** Built from every document of the workspace (buildActionLedger); without it the section is left out. */
    readonly ledger?: ActionLedger;
}

/** How the outline reads text and names, so that the section follows the output's attribution. */
export interface OutlineReaders {
    rich(text: Text | undefined, from: number): RichText;
    mention(party: Party | undefined, written: string): MentionSpan;
    meetingTitle(meeting: Meeting): string;
}

/** The "Actions from earlier meetings" of a meeting, or undefined when there are none. */
export function earlierActionsOutline(ledger: ActionLedger, meeting: Meeting, read: OutlineReaders): EarlierActionsOutline | undefined {
    const place = ledger.placeOf(meeting);
    if (!place) return undefined;
    const section = earlierActionsOf(ledger, place);
    const reported = new Map<LedgerAction, EarlierActionOutline>();
    for (const { update, state } of section.reported) {
        if (!update.action || !state || update.action.place === place) continue;
        const { textFrom } = splitActionHeader(update.report.update.text);
        reported.set(update.action, entry(update.action, state, read, {
            status: update.status,
            text: read.rich(update.report.update.text, textFrom)
        }));
    }
    const stillOpen = section.stillOpen.map(({ action, state }) => entry(action, state, read));
    if (reported.size === 0 && stillOpen.length === 0) return undefined;
    return { reported: [...reported.values()], stillOpen, moreStillOpen: section.moreStillOpen };
}

function entry(action: LedgerAction, state: ActionSnapshot, read: OutlineReaders, update?: EarlierActionOutline['update']): EarlierActionOutline {
    const text = action.item.action.text;
    const textFrom = actionTextFrom(action.item);
    const owners = ownersToName({ ownersInText: action.item.ownersInText, owners: action.item.ownerMentions })
        .map(mention => read.mention(mention.party.ref, writtenName(mention.party.$refText)));
    return {
        id: action.id,
        owners,
        text: read.rich(text, textFrom),
        status: state.status,
        due: state.due,
        agreedIn: { title: read.meetingTitle(action.place.meeting), date: action.place.isoDate, language: action.place.language },
        update
    };
}

/** `Open, due 2018-05-31`, `Done`, `Still open`: an entry's status as the outputs say it, in a language. */
export function earlierActionStatus(entry: EarlierActionOutline, stillOpen: boolean, language = DEFAULT_LANGUAGE): string {
    const words = translationOf(language).words;
    const status = stillOpen ? words.stillOpen : capitalised(words.statuses[entry.status]);
    return entry.status === 'open' && entry.due ? `${status}${words.listSeparator}${filled(words.dueOn, { date: entry.due })}` : status;
}

/** `…and 12 more actions of earlier meetings still open (minutes actions lists them all).`, or nothing. */
export function moreStillOpenText(section: EarlierActionsOutline, language = DEFAULT_LANGUAGE): string | undefined {
    return section.moreStillOpen > 0 ? counted(translationOf(language).words.moreStillOpen, section.moreStillOpen, language) : undefined;
}

/**
 * `CCWG-IG session at the WSIS Forum 2018, 19 March 2018`: where an action was agreed, its
 * date in the output's language, its title read in its own meeting's (`Réunion du 19 mars
 * 2018` states the date, even in an English email).
 */
export function agreedPlace(entry: EarlierActionOutline, language = DEFAULT_LANGUAGE): string {
    const date = entry.agreedIn.date ? readableDate(entry.agreedIn.date, language) : undefined;
    return titleLine(entry.agreedIn.title, { date }, entry.agreedIn.language, translationOf(language).words.listSeparator);
}

/** `Agreed at CCWG-IG session at the WSIS Forum 2018, 19 March 2018`. */
export function agreedText(entry: EarlierActionOutline, language = DEFAULT_LANGUAGE): string {
    return filled(translationOf(language).words.agreedAt, { meeting: agreedPlace(entry, language) });
}

/**
 * An entry as plain text: the head (`#ig-paper (Marilyn Cade): Draft a paper…`) and what
 * follows it (`Open, due 2018-05-31. Agreed at …, 19 March 2018. Reported here: …`).
 */
export function earlierActionText(entry: EarlierActionOutline, stillOpen: boolean, language = DEFAULT_LANGUAGE): { head: string; body: string } {
    const words = translationOf(language).words;
    const plainText = (text: RichText) => text.map(span => span.text).join('');
    const owners = entry.owners.map(owner => owner.text).join(words.listSeparator);
    const text = plainText(entry.text);
    const head = `#${entry.id}${owners ? ` (${owners})` : ''}${text ? `${words.labelSeparator}${text}` : ''}`;
    const report = entry.update && entry.update.text.length > 0 ? ` ${filled(words.reportedHere, { text: plainText(entry.update.text) })}` : '';
    return { head, body: `${earlierActionStatus(entry, stillOpen, language)}. ${agreedText(entry, language)}.${report}` };
}
