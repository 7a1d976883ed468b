/**
 * Stable codes of every diagnostic Minutes reports. They appear in `minutes check`
 * output, in the editor's Problems panel and in docs/diagnostics.md; quick fixes are
 * keyed by them. Never reuse or rename a code.
 */
export const IssueCodes = {
    UnknownSpeaker: 'unknown-speaker',
    UnknownMention: 'unknown-mention',
    UnknownOwner: 'unknown-owner',
    UnknownAttendee: 'unknown-attendee',
    UnknownOrganisation: 'unknown-organisation',
    UnknownAction: 'unknown-action',
    SyntaxError: 'syntax-error'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];
