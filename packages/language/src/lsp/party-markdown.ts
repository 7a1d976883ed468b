import { isPerson, type Party } from '../generated/ast.js';
import { plainText } from '../model/text.js';
import { attendanceWord, type Attendance, type DocumentStructure, type Meeting } from '../model/structure.js';
import { referenceTo } from './name-occurrences.js';
import type { DirectoryEntry } from './directory-index.js';
import { OFFICES } from '../model/vocabulary.js';
import { escapeMarkdown } from '../util/markdown-escape.js';

/** What a party did in one meeting: attendance, roles (chair, ...) and interventions. */
export interface PartyInMeeting {
    readonly attendance?: Attendance;
    /** What follows the name in the roster, as written (`(ICANN Board)`). */
    readonly note?: string;
    /** Offices a person holds in the meeting (`chair`, `notetaker`, …), from the header's fields. */
    readonly roles: string[];
    readonly interventions: number;
}

export function partyInMeeting(meeting: Meeting, party: Party): PartyInMeeting {
    const attendee = meeting.attendees.find(a => a.party === party);
    // One office per field that names the party, however often it does.
    const byField = new Map(meeting.offices.filter(holder => holder.party === party && OFFICES[holder.office].personal)
        .map(holder => [holder.field, holder.office]));
    const roles = [...byField.values()];
    const interventions = meeting.turns.filter(turn => turn.speaker === party).length;
    return { attendance: attendee?.attendance, note: attendee ? noteBesidesAttendance(attendee.note) : undefined, roles, interventions };
}

/** A roster note without the attendance word it starts with: `(remote) – by video` → `by video`. */
function noteBesidesAttendance(note: string): string | undefined {
    const status = /^\(([^)]*)\)\s*[,;:–-]?\s*/.exec(note);
    const rest = status && attendanceWord(status[1].trim().toLowerCase()) ? note.slice(status[0].length) : note;
    return rest.trim() || undefined;
}

/**
 * The meeting a cursor is in, for completion: the last one that starts before it. A line
 * being typed after a meeting's last block still most likely belongs to that meeting.
 */
export function meetingBefore(structure: DocumentStructure, offset: number): Meeting | undefined {
    let found: Meeting | undefined;
    for (const meeting of structure.meetings) {
        if ((meeting.firstBlock.$cstNode?.offset ?? 0) > offset) break;
        found = meeting;
    }
    return found;
}

/** What the editor calls a meeting: its title (Meeting.title), or "Meeting" for an untitled one. */
export function meetingName(meeting: Meeting): string {
    return meeting.title ?? 'Meeting';
}

/** A meeting's own date as written (`2018-03-19`). */
export function meetingDate(meeting: Meeting): string | undefined {
    return plainText(meeting.date?.value).trim() || undefined;
}

/** A hover card for a person or organisation, with what they did in the meeting at hand. */
export function partyMarkdown(entry: DirectoryEntry, inMeeting?: PartyInMeeting, meetingName?: string): string {
    const lines: string[] = [];
    const honorific = entry.honorific ? `${entry.honorific} ` : '';
    lines.push(`**${escapeMarkdown(honorific + entry.name)}** \`${referenceTo(entry.handle)}\``);
    if (entry.kind === 'organisation') {
        const kind = (entry.party as { kind?: string }).kind ?? 'org';
        const facts = [entry.fullName, kindLabel(kind), entry.stakeholder].filter(Boolean);
        lines.push(escapeMarkdown(facts.join(' · '), true));
    } else {
        if (entry.role) lines.push(escapeMarkdown(entry.role, true));
        if (entry.organisations.length > 0) lines.push(`Organisation: ${escapeMarkdown(entry.organisations.join(', '))}`);
        if (entry.stakeholder) lines.push(`Stakeholder group: ${entry.stakeholder}`);
    }
    if (entry.aliases.length > 0) lines.push(`Also written: ${escapeMarkdown(entry.aliases.join(', '))}`);
    if (inMeeting) {
        const facts: string[] = [];
        if (inMeeting.roles.length > 0) facts.push(inMeeting.roles.join(', '));
        if (inMeeting.attendance) facts.push(inMeeting.attendance + (inMeeting.note ? ` ${inMeeting.note}` : ''));
        else if (isPerson(entry.party)) facts.push('not in the attendance list');
        facts.push(inMeeting.interventions === 1 ? '1 intervention' : `${inMeeting.interventions} interventions`);
        lines.push(`In ${meetingName ? `*${escapeMarkdown(meetingName)}*` : 'this meeting'}: ${escapeMarkdown(facts.join(' · '))}`);
    }
    return lines.join('\n\n');
}

function kindLabel(kind: string): string {
    const lower = kind.toLowerCase();
    return lower === 'org' || lower.startsWith('organi') ? 'organisation' : lower;
}
