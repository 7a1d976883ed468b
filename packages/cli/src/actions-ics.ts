import { placeLanguage, sharedLanguage, shortName, translationOf, type LedgerAction } from 'minutes-language';
import { placeReference, reportWords } from './actions-digest.js';

/**
 * `minutes actions --format ics`: an iCalendar (RFC 5545) calendar with one all-day event
 * on the due date of each open action that has one. Events, not VTODOs: every calendar
 * imports events, few import tasks.
 *
 * Re-importing the calendar updates its events rather than adding them again: an event's
 * UID is the action's identifier, its SEQUENCE the number of reports on the action (a
 * `moved` update makes a later revision), and its DTSTAMP the day of the last of them, so
 * the same ledger gives the same bytes. With the address of the folder's site, URL links
 * each event to the row of its meeting's page where the action was agreed. An event's
 * description is in its meeting's language (else `language`, the configuration's); the
 * calendar's name in the language its actions' meetings share.
 */
export function actionsIcs(actions: readonly LedgerAction[], linkOf?: (action: LedgerAction) => string | undefined, language?: string): string {
    const calendarWords = translationOf(sharedLanguage(actions.map(action => placeLanguage(action.place, language)), language)).words;
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Minutes//minutes actions//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${text(calendarWords.digest.openActions)}`
    ];
    const seen = new Set<string>();
    for (const action of actions) {
        const due = action.current.due;
        if (action.current.status !== 'open' || !due || seen.has(action.id)) continue;
        seen.add(action.id);
        const owners = [...action.owners.map(party => shortName(party)), ...action.unresolvedOwners];
        const reports = action.updates.length;
        const last = action.updates.map(update => update.place.isoDate).filter(date => date !== undefined).pop() ?? action.place.isoDate ?? due;
        const { words } = translationOf(placeLanguage(action.place, language));
        const labelled = (label: string, value: string) => `${label}${words.labelSeparator}${value}`;
        const report = action.current.lastUpdate;
        const description = [
            `#${action.id}: ${action.text}`,
            owners.length > 0 ? labelled(words.owner, owners.join(words.listSeparator)) : words.digest.noOwner,
            labelled(words.site.agreed, placeReference(action.place, action.line)),
            ...(report ? [labelled(words.site.lastReported, `${placeReference(report.place, report.line)}${words.labelSeparator}${reportWords(report, words)}`)] : [])
        ].join('\n');
        lines.push(
            'BEGIN:VEVENT',
            `UID:${text(`minutes-action-${action.id}`)}`,
            `DTSTAMP:${basicDate(last)}T000000Z`,
            `SEQUENCE:${reports}`,
            `DTSTART;VALUE=DATE:${basicDate(due)}`,
            `DTEND;VALUE=DATE:${basicDate(nextDay(due))}`,
            `SUMMARY:${text(`${owners.length > 0 ? `${owners.join(', ')}: ` : ''}${action.text}`)}`,
            `DESCRIPTION:${text(description)}`,
            ...(linkOf?.(action) ? [`URL;VALUE=URI:${linkOf(action)}`] : []),
            'CATEGORIES:Action',
            'TRANSP:TRANSPARENT',
            'END:VEVENT'
        );
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

/** `2018-06-30` → `20180630`. */
function basicDate(iso: string): string {
    return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
    const [year, month, day] = iso.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as
 * `\n`; other control characters, which the format forbids, become spaces.
 */
function text(value: string): string {
    return value.replace(/\r\n|\r|\n/g, '\n')
        .replace(/[\\;,]/g, c => `\\${c}`)
        .replace(/\n/g, '\\n')
        .replace(/[\u0000-\u001F\u007F]/g, ' ');
}

/** Lines of at most 75 octets, continued with CRLF and a space, never inside a UTF-8 sequence (RFC 5545 3.1). */
function fold(line: string): string {
    const encoder = new TextEncoder();
    if (encoder.encode(line).length <= 75) return line;
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    for (const character of line) {
        const size = encoder.encode(character).length;
        // The first line holds 75 octets; a continuation line's leading space counts among its 75.
        if (octets + size > (parts.length === 0 ? 75 : 74)) {
            parts.push(current);
            current = '';
            octets = 0;
        }
        current += character;
        octets += size;
    }
    parts.push(current);
    return parts.join('\r\n ');
}
