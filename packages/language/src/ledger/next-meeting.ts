import type { AstNode } from 'langium';
import type { Field, Party } from '../generated/ast.js';
import { slug } from '../util/slug.js';
import { commentText, inlineProse } from '../import/escape.js';
import { GenerationError } from '../generation/generation-error.js';
import { nameKey } from '../model/names.js';
import { attendeeReference, type Meeting } from '../model/structure.js';
import { type ActionLedger, type LedgerAction } from './action-ledger.js';
import { documentName, placeTitleLine, type MeetingPlace } from './meetings.js';
import { isIsoDate } from './overdue.js';
import { keyDefinition, OFFICES } from '../model/vocabulary.js';

/**
 * The next meeting of a series, as a `.minutes` draft: what `minutes new` writes and the
 * editor's "New Meeting in Series…" creates. Everything carried over is copied from the
 * latest meeting's source lines as written (the series, chair and other standing fields,
 * the agenda); the usual attendees are listed to be confirmed; every action of the series
 * still open gets an `update #id:` line, so that reporting on it is one line each.
 */
export interface NextMeeting {
    /** The draft, ending with a line break. */
    readonly text: string;
    /** `2018-07-02-ccwg-ig-teleconference.minutes`: the date and the title. */
    readonly fileName: string;
    /** The meeting the draft follows. */
    readonly latest: MeetingPlace;
    /** The actions of the series open at the new meeting, each with an `update` line. */
    readonly openActions: readonly LedgerAction[];
    /** Open actions without a written identifier: listed in a comment, they cannot be reported on until they have one. */
    readonly withoutIdentifier: readonly LedgerAction[];
    /** The usual attendees listed, in order, as written in the draft (`@mcade`). */
    readonly attendees: readonly string[];
}

export interface NextMeetingOptions {
    /** The series (`@CCWG-IG`, `CCWG-IG`, its name or an alias); needed when the meetings belong to several. */
    readonly series?: string;
    /** `2018-07-02`. */
    readonly date: string;
    /** The new meeting's title; default: the latest meeting's. */
    readonly title?: string;
}

/** A series of meetings of a workspace: meetings that share a `group:`/`series:`. */
export interface SeriesSummary {
    /** The series key (`@CCWG-IG`, or the normalised words); undefined for meetings without `group:`/`series:`. */
    readonly key?: string;
    /** As it reads (`CCWG-IG`); for meetings without a series, undefined. */
    readonly name?: string;
    /** Its meetings in date order. */
    readonly meetings: readonly MeetingPlace[];
    /** The meeting a next one follows: the last dated one (else the last). */
    readonly latest: MeetingPlace;
}

/** How many recent meetings say who usually attends. */
const RECENT_MEETINGS = 3;

/** The series of the given meetings, by name; meetings without a series last. */
export function meetingSeries(meetings: readonly MeetingPlace[]): SeriesSummary[] {
    const bySeries = new Map<string | undefined, MeetingPlace[]>();
    for (const place of meetings) {
        const list = bySeries.get(place.series);
        if (list) list.push(place);
        else bySeries.set(place.series, [place]);
    }
    return [...bySeries.entries()].map(([key, places]) => ({
        key,
        name: places.find(place => place.seriesName)?.seriesName,
        meetings: places,
        latest: [...places].reverse().find(place => place.date !== undefined) ?? places[places.length - 1]
    })).sort((a, b) => (a.key === undefined ? 1 : 0) - (b.key === undefined ? 1 : 0) || (a.name ?? '').localeCompare(b.name ?? ''));
}

/** The series `--series` names, or the only one; a GenerationError that lists them otherwise. */
export function chooseSeries(series: readonly SeriesSummary[], wanted: string | undefined): SeriesSummary {
    const named = series.filter(s => s.key !== undefined);
    const describe = (s: SeriesSummary) => `${s.name ?? s.key} (${s.meetings.length} meeting${s.meetings.length === 1 ? '' : 's'}, latest ${s.latest.isoDate ?? 'undated'})`;
    if (wanted !== undefined) {
        const key = nameKey(wanted.replace(/^@/, ''));
        const found = named.find(s => nameKey(s.key!.replace(/^@/, '')) === key || (s.name !== undefined && nameKey(s.name) === key)
            || seriesParty(s)?.some(name => nameKey(name) === key));
        if (found) return found;
        throw new GenerationError(named.length > 0
            ? `no series '${wanted}' among the meetings; the series are: ${named.map(describe).join('; ')}`
            : `no series '${wanted}': no meeting has a group: or series:`);
    }
    if (series.length === 0) throw new GenerationError('no meetings to follow: write a first meeting (meeting:, date:) by hand');
    if (named.length === 1 || series.length === 1) return named[0] ?? series[0];
    throw new GenerationError(`the meetings belong to ${named.length} series; say which with --series: ${named.map(describe).join('; ')}`);
}

/** The names a series' party goes by (handle, name, aliases), when `group:` names a party. */
function seriesParty(series: SeriesSummary): readonly string[] | undefined {
    return series.latest.seriesAliases;
}

/** The draft of the meeting after the latest of a series. */
export function nextMeeting(ledger: ActionLedger, options: NextMeetingOptions): NextMeeting {
    if (!isIsoDate(options.date)) throw new GenerationError(`--date ${options.date}: not a date; write it as YYYY-MM-DD`);
    const title = options.title?.trim();
    if (options.title !== undefined && (!title || /[\u0000-\u001F\u007F\u2028\u2029]/.test(title))) {
        throw new GenerationError('--title: give a title on one line');
    }
    const series = chooseSeries(meetingSeries(ledger.meetings), options.series);
    const latest = series.latest;
    if (latest.isoDate && options.date < latest.isoDate) {
        throw new GenerationError(`--date ${options.date} is before the latest meeting of the series (${placeTitleLine(latest)}): a new meeting follows it`);
    }

    // In the order the meetings agreed them; open after every update the workspace holds.
    const inSeries = new Set(series.meetings);
    const open = ledger.actions.filter(action => inSeries.has(action.place) && action.current.status === 'open');
    const reportable = open.filter(action => action.written);
    const withoutIdentifier = open.filter(action => !action.written);
    const attendees = usualAttendees(series.meetings);
    const meetingTitle = title ?? latest.title;

    const out: string[] = [];
    out.push(`// Follows ${placeTitleLine(latest)} (${documentName(latest.uri)}); written by minutes new.`);
    out.push('');
    out.push(title !== undefined ? `meeting: ${inlineProse(title)}` : latestTitleLine(latest) ?? `meeting: ${meetingTitle}`);
    const standing = standingFields(latest);
    // The series first, as the meeting declares it (or as its document does).
    const seriesLine = standing.find(line => /^\s*(group|series):/i.test(line)) ?? (seriesField(latest) ? sourceText(seriesField(latest)!) : undefined);
    if (seriesLine) out.push(seriesLine);
    out.push(`date: ${options.date}`);
    out.push(...standing.filter(line => line !== seriesLine));
    out.push('');

    if (attendees.written.length > 0) {
        const usually = attendees.recent === 1 ? 'the last meeting' : `${attendees.threshold === 1 ? 'one' : `least ${attendees.threshold}`} of the last ${attendees.recent} meetings that say who took part`;
        out.push(`// To confirm: who usually attends (at ${usually}).`);
        out.push('// Remove who did not attend; write (remote) or (apologies) after a name; add the others.');
        out.push('attendees:');
        for (const name of attendees.written) out.push(`- ${name}`);
        out.push('');
    }

    const agenda = latestAgenda(series.meetings);
    const headings = agenda ? agendaHeadings(agenda) : [];
    if (agenda) {
        out.push(...agenda.lines, '');
    }

    const updateLines: string[] = [];
    if (reportable.length > 0 || withoutIdentifier.length > 0) {
        for (const action of reportable) {
            updateLines.push(`// ${describeAction(action, options.date)}`);
            updateLines.push(`update #${action.id}:`);
        }
        for (const action of withoutIdentifier) {
            updateLines.push(`// Still open, without an identifier (give it one at ${documentName(action.place.uri)}:${action.line} to report on it here): ${describeAction(action, options.date)}`);
        }
        updateLines.push('');
    }

    // The updates go under the agenda's item on actions, if it has one, else before the first section.
    const actionsHeading = headings.findIndex(heading => /\bactions?\b/i.test(heading));
    if (actionsHeading < 0) out.push(...updateLines);
    headings.forEach((heading, index) => {
        out.push(heading, '');
        if (index === actionsHeading) out.push(...updateLines);
    });
    while (out[out.length - 1] === '') out.pop();

    return {
        text: out.join('\n') + '\n',
        fileName: `${options.date}-${slug(meetingTitle) || 'meeting'}.minutes`,
        latest,
        openActions: reportable,
        withoutIdentifier,
        attendees: attendees.written
    };
}

/** `@mcade, @nhickson due 2018-06-30, overdue: Write to the IGF MAG… (agreed in CCWG-IG teleconference, 2018-06-04 (call.minutes:13))`. */
function describeAction(action: LedgerAction, date: string): string {
    const state = action.current;
    const owners = [...action.ownerNames.map(name => `@${name}`), ...action.unresolvedOwners].join(', ');
    const due = state.due ? `due ${state.due}${state.due < date ? ', overdue' : ''}` : '';
    const header = [owners, due].filter(Boolean).join(' ');
    const agreed = `agreed in ${placeTitleLine(action.place)} (${documentName(action.place.uri)}:${action.line})`;
    return `${header ? `${header}: ` : ''}${oneLine(action.text)} (${agreed})`;
}

function oneLine(text: string): string {
    return commentText(text).replace(/\s+/g, ' ').trim();
}

/** The source text of a node, line by line as written (its lines joined by \n). */
function sourceText(node: AstNode): string {
    const cst = node.$cstNode;
    if (!cst) return '';
    const lines = cst.root.fullText.split(/\r\n|\r|\n/);
    return lines.slice(cst.range.start.line, cst.range.end.line + 1).join('\n').replace(/\s+$/, '');
}


/** The `group:`/`series:` field of a meeting, or of its document. */
function seriesField(place: MeetingPlace): Field | undefined {
    return place.meeting.series;
}

function standingFields(place: MeetingPlace): string[] {
    return place.meeting.fields.filter(field => keyDefinition(field.key)?.standing).map(field => sourceText(field).trimStart());
}

function latestTitleLine(place: MeetingPlace): string | undefined {
    return place.meeting.start ? sourceText(place.meeting.start).trimStart() : undefined;
}

interface AgendaSkeleton {
    /** The `agenda:` line and its items, as written. */
    readonly lines: string[];
    /** The top-level items: label and the rest of the line as written. */
    readonly items: ReadonlyArray<{ label: string; line: string }>;
}

/** The agenda of the latest meeting of the series that has one. */
function latestAgenda(meetings: readonly MeetingPlace[]): AgendaSkeleton | undefined {
    for (const place of [...meetings].reverse()) {
        const group = place.meeting.agendas[0];
        if (!group) continue;
        const lines = [sourceText(group.agenda).trimStart(), ...group.lines.map(line => sourceText(line))];
        const items = group.items.map(item => ({ label: item.label, line: sourceText(item.line).trim() }));
        return { lines, items };
    }
    return undefined;
}

/** A section heading for each numbered top-level item (`# 2. AOB`), which links it to the item. */
function agendaHeadings(agenda: AgendaSkeleton): string[] {
    return agenda.items.filter(item => /^\d+(\.\d+)*\.?$/.test(item.label)).map(item => `# ${item.line}`);
}

/**
 * Who usually attends: those listed as present or remote, holding an office, or speaking
 * in at least half (rounded up) of the series' last few meetings that name who took part
 * (a teleconference noted as `attendance: 15` names nobody); most recent first.
 */
function usualAttendees(meetings: readonly MeetingPlace[]): { written: string[]; threshold: number; recent: number } {
    // From the latest back, only as far as needed: each meeting read is its document's tree.
    const recent: Array<Array<[string, string]>> = [];
    for (let i = meetings.length - 1; i >= 0 && recent.length < RECENT_MEETINGS; i--) {
        const list = attendeesOf(meetings[i].meeting);
        if (list.length > 0) recent.push(list);
    }
    const threshold = Math.ceil(recent.length / 2);
    const counts = new Map<string, { written: string; count: number }>();
    for (const list of recent) {
        const here = new Map<string, string>();
        for (const [key, written] of list) if (!here.has(key)) here.set(key, written);
        for (const [key, written] of here) {
            const entry = counts.get(key);
            if (entry) entry.count++;
            else counts.set(key, { written, count: 1 });
        }
    }
    return { written: [...counts.values()].filter(entry => entry.count >= threshold).map(entry => entry.written), threshold, recent: recent.length };
}

/** Everyone who took part in a meeting, keyed by party (or written name), with how to write them. */
function attendeesOf(meeting: Meeting): Array<[string, string]> {
    const result: Array<[string, string]> = [];
    const add = (party: Party | undefined, written: string) => {
        if (party) result.push([`@${party.name}`, `@${party.name}`]);
        else if (written && written !== '@?') result.push([`?${nameKey(written)}`, written]);
    };
    for (const attendee of meeting.attendees) {
        if (attendee.attendance === 'present' || attendee.attendance === 'remote') add(attendee.party, attendeeReference(attendee).$refText);
    }
    for (const { office, reference } of meeting.offices) {
        if (OFFICES[office].takesPart) add(reference.ref, reference.$refText);
    }
    for (const turn of meeting.turns) {
        if (!turn.unidentified) add(turn.speaker, turn.line.speaker.$refText);
    }
    return result;
}

