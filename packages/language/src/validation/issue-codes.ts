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
    // Attendance and turns
    SpeakerNotAttendee: 'speaker-not-attendee',
    AbsentSpeaker: 'absent-speaker',
    SilentAttendee: 'silent-attendee',
    EmptyIntervention: 'empty-intervention',
    UnknownQualifier: 'unknown-qualifier',
    NarrationAfterTurn: 'narration-after-turn',
    JointNamesWithoutColon: 'joint-names-without-colon',
    UnfinishedAttendeeList: 'unfinished-attendee-list',
    NameWithoutAt: 'name-without-at',
    // Actions
    ActionWithoutOwner: 'action-without-owner',
    ActionDueBeforeMeeting: 'action-due-before-meeting',
    ActionWithoutId: 'action-without-id',
    DuplicateActionId: 'duplicate-action-id',
    UpdateBeforeAction: 'update-before-action',
    /** Reported by `minutes check --overdue` only: it depends on the day the check runs. */
    OverdueAction: 'overdue-action',
    // Directory
    DuplicateHandle: 'duplicate-handle',
    DuplicatePerson: 'duplicate-person',
    DuplicateOrganisation: 'duplicate-organisation',
    AmbiguousName: 'ambiguous-name',
    UnreviewedEntry: 'unreviewed-entry',
    UnknownStakeholder: 'unknown-stakeholder',
    NotAMention: 'not-a-mention',
    ColonAfterHandle: 'colon-after-handle',
    // Meetings, dates and times
    MeetingWithoutTitle: 'meeting-without-title',
    MeetingWithoutDate: 'meeting-without-date',
    InvalidDate: 'invalid-date',
    InvalidLanguage: 'invalid-language',
    UntranslatedLanguage: 'untranslated-language',
    InvalidTime: 'invalid-time',
    EndBeforeStart: 'end-before-start',
    UnrecognisedDate: 'unrecognised-date',
    UnrecognisedTime: 'unrecognised-time',
    AddressWithoutEmail: 'address-without-email',
    NotAnAddress: 'not-an-address',
    AgendaNumbering: 'agenda-numbering',
    HeaderKeyInBody: 'header-key-in-body',
    SyntaxError: 'syntax-error'
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];
