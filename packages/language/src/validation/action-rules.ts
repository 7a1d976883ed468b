import type { ValidationAcceptor } from 'langium';
import { compareDates, isoDate, longDate, parseDate } from '../model/dates.js';
import { splitActionHeader, type ActionItem, type DocumentStructure, type Meeting } from '../model/structure.js';
import { IssueCodes } from './issue-codes.js';
import { meetingDate } from './meeting-rules.js';
import { rangeOfOffsets, writtenValue } from './ranges.js';

/** A rule on one action, with the meeting that agreed it (if any) and the document's structure. */
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
