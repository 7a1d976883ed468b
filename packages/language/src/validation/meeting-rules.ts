import type { ValidationAcceptor } from 'langium';
import type { Field } from '../generated/ast.js';
import { compareDates, isoDate, longDate, parseDate, parseTime, type DateValue, type Parsed, type TimeValue } from '../model/dates.js';
import { splitActionHeader, type ActionItem, type DocumentStructure, type Meeting } from '../model/structure.js';
import { writtenText } from '../model/text.js';
import { IssueCodes, type IssueCode } from './issue-codes.js';
import { firstLineRange, rangeOfOffsets, writtenValue } from './ranges.js';

function fieldKey(field: Field): string {
    return field.key.toLowerCase();
}

function hasValue(field: Field): boolean {
    return writtenText(field.value).trim().length > 0;
}

/** The meeting's title, as written after `meeting:`. */
function titleOf(meeting: Meeting): string | undefined {
    const title = meeting.start ? writtenText(meeting.start.value).trim() : '';
    return title || undefined;
}

/** The `date:` fields that apply to a meeting: its own, or the document's when it has none. */
function dateFieldsOf(meeting: Meeting, structure: DocumentStructure): Field[] {
    const own = meeting.fields.filter(field => fieldKey(field) === 'date:' && hasValue(field));
    return own.length > 0 ? own : structure.fields.filter(field => fieldKey(field) === 'date:' && hasValue(field));
}

/** The date of a meeting, when it has one Minutes can read. */
export function meetingDate(meeting: Meeting, structure: DocumentStructure): DateValue | undefined {
    for (const field of dateFieldsOf(meeting, structure)) {
        const written = writtenValue(field.value);
        const parsed = written && parseDate(written.value);
        if (parsed?.ok) return parsed.value;
    }
    return undefined;
}

/** Where a meeting-level warning goes: its `meeting:` line, or the first line of an untitled meeting. */
function meetingAnchor(meeting: Meeting) {
    return meeting.start
        ? { node: meeting.start, range: firstLineRange(meeting.start) }
        : { node: meeting.firstBlock, range: firstLineRange(meeting.firstBlock) };
}

export type StructureMeetingRule = (meeting: Meeting, accept: ValidationAcceptor, structure: DocumentStructure) => void;

/** A meeting needs a title: the outputs (email subject, page title) are named after it. */
export const meetingMustHaveTitle: StructureMeetingRule = (meeting, accept) => {
    if (titleOf(meeting)) return;
    const message = meeting.start
        ? `This meeting has no title: write it after 'meeting:'.`
        : `This file has speakers or attendees but no 'meeting:' line, so its meeting has no title: add 'meeting: <title>' at the top.`;
    accept('warning', message, { ...meetingAnchor(meeting), code: IssueCodes.MeetingWithoutTitle, data: { code: IssueCodes.MeetingWithoutTitle } });
};

/** A meeting needs a date (its own, or the document's). */
export const meetingMustHaveDate: StructureMeetingRule = (meeting, accept, structure) => {
    if (dateFieldsOf(meeting, structure).length > 0) return;
    const title = titleOf(meeting);
    accept('warning', `${title ? `Meeting '${title}'` : 'This meeting'} has no date: add a line such as 'date: 2018-03-19'.`, {
        ...meetingAnchor(meeting), code: IssueCodes.MeetingWithoutDate, data: { code: IssueCodes.MeetingWithoutDate }
    });
};

function reportValueProblem<T>(field: Field, parsed: Parsed<T>, offset: number, accept: ValidationAcceptor,
    codes: { invalid: IssueCode; unrecognised: IssueCode }): void {
    if (parsed.ok) return;
    const code = parsed.kind === 'invalid' ? codes.invalid : parsed.kind === 'reversed' ? IssueCodes.EndBeforeStart : codes.unrecognised;
    const severity = parsed.kind === 'unrecognised' ? 'warning' : 'error';
    accept(severity, `${parsed.message}.`, {
        node: field,
        range: rangeOfOffsets(field, offset + parsed.start, offset + Math.max(parsed.end, parsed.start + 1)),
        code,
        data: { code }
    });
}

/** `date: 31 June 2017` cannot be; `date: next Monday` cannot be read. */
export function dateMustBeValid(field: Field, accept: ValidationAcceptor): void {
    if (fieldKey(field) !== 'date:') return;
    const written = writtenValue(field.value);
    if (!written || !written.value.trim()) return;
    reportValueProblem<DateValue>(field, parseDate(written.value), written.offset, accept,
        { invalid: IssueCodes.InvalidDate, unrecognised: IssueCodes.UnrecognisedDate });
}

/** `time: 25:00` cannot be; `time: 18:00-16:30` ends before it starts; `time: afternoon` cannot be read. */
export function timeMustBeValid(field: Field, accept: ValidationAcceptor): void {
    if (fieldKey(field) !== 'time:') return;
    const written = writtenValue(field.value);
    if (!written || !written.value.trim()) return;
    reportValueProblem<TimeValue>(field, parseTime(written.value), written.offset, accept,
        { invalid: IssueCodes.InvalidTime, unrecognised: IssueCodes.UnrecognisedTime });
}

// ---- Actions ------------------------------------------------------------------

export type ActionRule = (action: ActionItem, accept: ValidationAcceptor, meeting: Meeting | undefined, structure: DocumentStructure) => void;

/** The range of an action's header, `action #id @owner due …:`, for warnings about the header as a whole. */
function headerRange(item: ActionItem) {
    const start = item.action.$cstNode?.offset ?? 0;
    const { headerEnd } = splitActionHeader(item.action.text);
    return rangeOfOffsets(item.action, start, Math.max(headerEnd + 1, start + 'action'.length));
}

/** Where the due date is written in an action's header (document offsets), if anywhere. */
function dueDateOffsets(item: ActionItem): { start: number; end: number; text: string } | undefined {
    const written = writtenValue(item.action.text);
    if (!written || !item.due) return undefined;
    const { headerEnd } = splitActionHeader(item.action.text);
    const header = written.value.slice(0, headerEnd - written.offset);
    const at = header.indexOf(item.due);
    return at < 0 ? undefined : { start: written.offset + at, end: written.offset + at + item.due.length, text: item.due };
}

/** An action nobody owns is an action nobody does. */
export const actionMustHaveOwner: ActionRule = (item, accept) => {
    if (item.owners.length > 0 || item.unresolvedOwners.length > 0) return;
    const name = item.id ? `Action '#${item.id.replace(/^#/, '')}'` : 'This action';
    accept('warning', `${name} has no owner: write who will do it after 'action', as in 'action @name: …'.`, {
        node: item.action,
        range: headerRange(item),
        code: IssueCodes.ActionWithoutOwner,
        data: { code: IssueCodes.ActionWithoutOwner }
    });
};

/** `due 2018-02-30` cannot be. */
export const actionDueDateMustBeValid: ActionRule = (item, accept) => {
    const due = dueDateOffsets(item);
    if (!due) return;
    const parsed = parseDate(due.text);
    if (parsed.ok) return;
    accept('error', `${parsed.message}.`, {
        node: item.action,
        range: rangeOfOffsets(item.action, due.start + parsed.start, due.start + parsed.end),
        code: IssueCodes.InvalidDate,
        data: { code: IssueCodes.InvalidDate }
    });
};

/** An action agreed at a meeting cannot have been due before it. */
export const actionMustNotBeDueBeforeMeeting: ActionRule = (item, accept, meeting, structure) => {
    const due = dueDateOffsets(item);
    if (!due || !meeting) return;
    const parsed = parseDate(due.text);
    const date = meetingDate(meeting, structure);
    if (!parsed.ok || !date) return;
    if (compareDates(parsed.value.start, date.start) >= 0) return;
    accept('warning', `This action is due on ${isoDate(parsed.value.start)}, before the meeting that agreed it (${longDate(date.start)}).`, {
        node: item.action,
        range: rangeOfOffsets(item.action, due.start, due.end),
        code: IssueCodes.ActionDueBeforeMeeting,
        data: { code: IssueCodes.ActionDueBeforeMeeting }
    });
};
