import type { ValidationAcceptor } from 'langium';
import type { Field } from '../generated/ast.js';
import { canonicalLocale } from '../model/date-names.js';
import { parseDate, parseTime, type DateValue, type Parsed, type TimeValue } from '../model/dates.js';
import type { DocumentStructure, Meeting } from '../model/structure.js';
import { writtenText } from '../model/text.js';
import { IssueCodes, type IssueCode } from './issue-codes.js';
import { isOutputLanguage, noteLanguageOfField, OUTPUT_LANGUAGES, writtenLanguage } from '../model/language.js';
import { firstLineRange, rangeOfOffsets, writtenValue } from './ranges.js';
import { isKey } from '../model/vocabulary.js';
import { ObjectFacts } from '../util/object-facts.js';

/** A rule on one meeting; the document's structure holds what the meeting inherits (its date). */
export type MeetingRule = (meeting: Meeting, accept: ValidationAcceptor, structure: DocumentStructure) => void;


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
    const own = meeting.fields.filter(field => isKey(field.key, 'date') && hasValue(field));
    return own.length > 0 ? own : structure.fields.filter(field => isKey(field.key, 'date') && hasValue(field));
}

/**
 * The date of a meeting, when it has one Minutes can read: in the note's language first (`fév.` in `fr-MA`).
 * Read once per meeting (each of its actions' due dates is compared with it); a structure's meetings are its own.
 */
export function meetingDate(meeting: Meeting, structure: DocumentStructure): DateValue | undefined {
    let date = meetingDates.get(meeting);
    if (date === undefined) meetingDates.set(meeting, date = readMeetingDate(meeting, structure) ?? null);
    return date ?? undefined;
}

const meetingDates = new ObjectFacts<Meeting, DateValue | null>('meeting date');

function readMeetingDate(meeting: Meeting, structure: DocumentStructure): DateValue | undefined {
    const language = writtenLanguage(meeting, structure);
    for (const field of dateFieldsOf(meeting, structure)) {
        const written = writtenValue(field.value);
        const parsed = written && parseDate(written.value, language);
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

/** A meeting needs a title: the outputs (email subject, page title) are named after it. */
export const meetingMustHaveTitle: MeetingRule = (meeting, accept) => {
    if (titleOf(meeting)) return;
    const message = meeting.start
        ? `This meeting has no title: write it after 'meeting:'.`
        : `This file has speakers or attendees but no 'meeting:' line, so its meeting has no title: add 'meeting: <title>' at the top.`;
    accept('warning', message, { ...meetingAnchor(meeting), code: IssueCodes.MeetingWithoutTitle, data: { code: IssueCodes.MeetingWithoutTitle } });
};

/** A meeting needs a date (its own, or the document's). */
export const meetingMustHaveDate: MeetingRule = (meeting, accept, structure) => {
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

/**
 * `date: 31 June 2017` cannot be; `date: next Monday` cannot be read. The date is read, and
 * a suggestion written, in the note's language, else the configuration's (`configuredLanguage`:
 * its `locale`), as outputs choose their language.
 */
export function dateMustBeValid(configuredLanguage: (field: Field) => string | undefined): (field: Field, accept: ValidationAcceptor) => void {
    return (field, accept) => {
        if (!isKey(field.key, 'date')) return;
        const written = writtenValue(field.value);
        if (!written || !written.value.trim()) return;
        reportValueProblem<DateValue>(field, parseDate(written.value, noteLanguageOfField(field) ?? configuredLanguage(field)), written.offset, accept,
            { invalid: IssueCodes.InvalidDate, unrecognised: IssueCodes.UnrecognisedDate });
    };
}

/**
 * `language: français` is not a BCP 47 tag (an error: the outputs would not know their
 * language); `language: de` is one, but outputs have no words for it (a warning: they are
 * written in English).
 */
export function languageMustBeKnown(field: Field, accept: ValidationAcceptor): void {
    if (!isKey(field.key, 'language')) return;
    const written = writtenValue(field.value);
    if (!written || !written.value.trim()) return;
    const value = written.value.trim();
    const range = rangeOfOffsets(field, written.offset + written.value.indexOf(value), written.offset + written.value.indexOf(value) + value.length);
    const tag = canonicalLocale(value);
    if (!tag) {
        const code = IssueCodes.InvalidLanguage;
        accept('error', `'${value}' is not a language tag: write a BCP 47 tag such as ${OUTPUT_LANGUAGES.join(', ')} or fr-CA.`, { node: field, range, code, data: { code } });
    } else if (!isOutputLanguage(tag)) {
        const code = IssueCodes.UntranslatedLanguage;
        accept('warning', `Minutes writes outputs in ${OUTPUT_LANGUAGES.join(', ')}; a meeting in '${tag}' gets English labels and headings.`, { node: field, range, code, data: { code } });
    }
}

/** `time: 25:00` cannot be; `time: 18:00-16:30` ends before it starts; `time: afternoon` cannot be read. */
export function timeMustBeValid(field: Field, accept: ValidationAcceptor): void {
    if (!isKey(field.key, 'time')) return;
    const written = writtenValue(field.value);
    if (!written || !written.value.trim()) return;
    reportValueProblem<TimeValue>(field, parseTime(written.value), written.offset, accept,
        { invalid: IssueCodes.InvalidTime, unrecognised: IssueCodes.UnrecognisedTime });
}
