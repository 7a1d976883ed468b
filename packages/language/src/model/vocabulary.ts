/**
 * The vocabulary of the language: every key (`date:`, `attendees:`, `next steps:`, …), what
 * kind of line it starts and what it means. The lexer, the structure, the render model,
 * the rules, completion, hover and the docs test read this table, so that a key is added
 * (or given a meaning) here once. The grammar (minutes.langium) lists the same keys as
 * keywords, one rule per kind; a test fails when the two disagree.
 *
 * Labels, the words outputs show for a key, are apart (ENGLISH_LABELS), keyed by the key's
 * id, so that another language's table can stand beside the English one.
 */
import { memoised } from './memo.js';

/** How someone attended: from the list they are on, or a word in parentheses after the name. */
export type Attendance = 'present' | 'remote' | 'absent' | 'apologies' | 'staff' | 'observer';

/** What kind of turn a segment key (`discussion:`, `questions:`, …) makes of the turns that follow. */
export type TurnKind = 'intervention' | 'presentation' | 'discussion' | 'question' | 'floor' | 'response';

export type OutcomeKind = 'conclusion' | 'decision' | 'takeaway' | 'next-step' | 'key-issue';

/** The fields that take the paragraphs that follow them. */
export type BodyField = 'summary' | 'background' | 'disclaimer';

/** An office held in a meeting, named by a header field (`chair: @mcade`). */
export type MeetingOffice = 'chair' | 'moderator' | 'rapporteur' | 'notetaker' | 'author' | 'organiser';

/**
 * The line a key starts: a meeting's `field`, a directory `entry` field, a `roster`
 * (attendees follow), an `agenda`, a `segment` (turns of one kind follow) or an `outcome`.
 */
export type KeyKind = 'field' | 'entry' | 'roster' | 'agenda' | 'segment' | 'outcome';

export interface KeyDefinition {
    /** As the lexer reads it: lower case, words joined by hyphens, ending in a colon (`next-steps:`). */
    readonly key: string;
    /** What the key means; spellings of one key share it (`organizers:`, `organiser:` → `organisers`). It keys the labels. */
    readonly id: string;
    readonly kind: KeyKind;
    /** The office its people hold in the meeting. */
    readonly office?: MeetingOffice;
    /** An outcome key: the kind of outcome. */
    readonly outcome?: OutcomeKind;
    /** A plural outcome key: one outcome per bullet (`conclusions:`). */
    readonly list?: boolean;
    /** A roster key: the attendance of its attendees unless a word after a name says otherwise. */
    readonly attendance?: Attendance;
    /** A segment key: the kind of its turns. */
    readonly turns?: TurnKind;
    /** A field that takes the paragraphs that follow it (`summary:`). */
    readonly body?: BodyField;
    /**
     * A field the outputs show where it is written (`greeting:`, `summary:` …): a key anywhere
     * in a meeting. Every other field is shown in a header, away from where it is written, and
     * is a key only in a header (docs/language.md, "Where keys are keys"; the lexer's `Place`).
     */
    readonly inPlace?: boolean;
    /**
     * A header field that, with nothing after its key, takes the bullet and speaker lines right
     * under it as its items (`organisers:` over `- @ICANN`): a list, not turns.
     */
    readonly listed?: boolean;
    /** A field shown in a meeting's header: its place there (lower first). */
    readonly header?: number;
    /** A field of the sender and recipients of the email. */
    readonly envelope?: 'from' | 'to' | 'cc';
    /** A field that names the series a meeting belongs to (`group:`, `series:`), for the action ledger. */
    readonly series?: boolean;
    /** A field that names a meeting without a title (`group:`, `event:`, `series:`, `session:`). */
    readonly names?: boolean;
    /** A field that stays, as written, from one meeting of a series to the next (`minutes new`). */
    readonly standing?: boolean;
    /**
     * `narration:`: the note-taker's own words resume. It ends the turn before it and takes the
     * paragraphs that follow as prose; outputs print them without a label.
     */
    readonly narration?: boolean;
    /**
     * Another community's word for an outcome (W3C's `RESOLVED:`, IETF's `Consensus:`): outputs
     * print the word as written, in its case, rather than a label of their own.
     */
    readonly asWritten?: boolean;
}

/** Shorthands for the table below. */
const field = (key: string, id: string, facts: Partial<KeyDefinition> = {}): KeyDefinition => ({ key, id, kind: 'field', ...facts });
const entry = (key: string, id = key.slice(0, -1)): KeyDefinition => ({ key, id, kind: 'entry' });
const roster = (key: string, attendance: Attendance): KeyDefinition => ({ key, id: key.slice(0, -1), kind: 'roster', attendance });
const segment = (key: string, id: string, turns: TurnKind): KeyDefinition => ({ key, id, kind: 'segment', turns });
const outcome = (key: string, id: string, kind: OutcomeKind, list: boolean): KeyDefinition => ({ key, id, kind: 'outcome', outcome: kind, list });

/** Every key of the language, by kind, in the grammar's order (completion offers them so). */
export const KEYS: readonly KeyDefinition[] = [
    field('meeting:', 'meeting'),
    field('report:', 'report'),
    field('group:', 'group', { header: 1, series: true, names: true, standing: true }),
    field('series:', 'series', { header: 2, series: true, names: true, standing: true }),
    field('event:', 'event', { header: 3, names: true }),
    field('session:', 'session', { header: 4, names: true }),
    field('date:', 'date', { header: 5 }),
    field('time:', 'time', { header: 6, standing: true }),
    field('venue:', 'venue', { header: 7, standing: true }),
    field('room:', 'room', { header: 8, standing: true }),
    field('format:', 'format', { header: 9, standing: true }),
    field('link:', 'link', { header: 18, standing: true }),
    field('programme:', 'programme', { header: 19 }),
    field('program:', 'programme', { header: 19 }),
    field('transcript:', 'transcript', { header: 20 }),
    field('slides:', 'slides', { header: 21 }),
    field('recording:', 'recording', { header: 22 }),
    field('organisers:', 'organisers', { header: 10, office: 'organiser', listed: true }),
    field('organizers:', 'organisers', { header: 10, office: 'organiser', listed: true }),
    field('organiser:', 'organisers', { header: 10, office: 'organiser', listed: true }),
    field('organizer:', 'organisers', { header: 10, office: 'organiser', listed: true }),
    field('chair:', 'chair', { header: 11, office: 'chair', standing: true }),
    field('moderator:', 'moderator', { header: 12, office: 'moderator', standing: true }),
    field('rapporteur:', 'rapporteur', { header: 13, office: 'rapporteur', standing: true }),
    field('notetaker:', 'notetaker', { header: 14, office: 'notetaker', standing: true }),
    field('author:', 'author', { header: 15, office: 'author', standing: true }),
    field('greeting:', 'greeting', { inPlace: true }),
    field('sign-off:', 'sign-off', { inPlace: true }),
    field('signoff:', 'sign-off', { inPlace: true }),
    field('rule:', 'rule', { header: 16, standing: true }),
    field('from:', 'from', { envelope: 'from', standing: true }),
    field('to:', 'to', { envelope: 'to', standing: true }),
    field('cc:', 'cc', { envelope: 'cc', standing: true }),
    field('attendance:', 'attendance', { header: 17 }),
    field('count:', 'attendance', { header: 17 }),
    field('disclaimer:', 'disclaimer', { body: 'disclaimer', inPlace: true }),
    field('summary:', 'summary', { body: 'summary', inPlace: true }),
    field('background:', 'background', { body: 'background', inPlace: true }),
    field('language:', 'language', { standing: true }),
    field('narration:', 'narration', { inPlace: true, narration: true }),
    // A formal record's metadata, as UN and ITU summary records head them: the document symbol
    // (`A/C.4/64/SR.22`, `C17/130(Rev.1)-E`), the original language, the distribution, the issue date.
    field('symbol:', 'symbol', { header: 23 }),
    field('original:', 'original', { header: 24 }),
    field('distribution:', 'distribution', { header: 25 }),
    field('issued:', 'issued', { header: 26 }),

    entry('alias:'), entry('aliases:', 'alias'),
    entry('org:'), entry('orgs:', 'org'), entry('affiliation:', 'org'),
    entry('role:'), entry('honorific:'), entry('email:'), entry('name:'), entry('acronym:'), entry('stakeholder:'),
    entry('country:'), entry('website:'), entry('note:'), entry('review:'),

    roster('attendees:', 'present'), roster('participants:', 'present'), roster('present:', 'present'),
    roster('speakers:', 'present'), roster('panel:', 'present'), roster('panelists:', 'present'),
    roster('remote:', 'remote'), roster('absent:', 'absent'), roster('apologies:', 'apologies'),
    roster('regrets:', 'apologies'),
    roster('staff:', 'staff'), roster('observers:', 'observer'),

    { key: 'agenda:', id: 'agenda', kind: 'agenda' },
    { key: 'topics:', id: 'topics', kind: 'agenda' },

    segment('discussion:', 'discussion', 'discussion'),
    segment('presentations:', 'presentations', 'presentation'),
    segment('questions:', 'questions', 'question'),
    segment('q&a:', 'questions', 'question'),
    segment('floor:', 'floor', 'floor'),
    segment('responses:', 'responses', 'response'),

    outcome('conclusion:', 'conclusion', 'conclusion', false),
    outcome('conclusions:', 'conclusion', 'conclusion', true),
    outcome('decision:', 'decision', 'decision', false),
    outcome('decisions:', 'decision', 'decision', true),
    outcome('takeaway:', 'takeaway', 'takeaway', false),
    outcome('takeaways:', 'takeaway', 'takeaway', true),
    outcome('key-takeaways:', 'key-takeaway', 'takeaway', true),
    outcome('next-step:', 'next-step', 'next-step', false),
    outcome('next-steps:', 'next-step', 'next-step', true),
    outcome('agreed:', 'agreed', 'decision', false),
    outcome('key-issues:', 'key-issue', 'key-issue', true),
    // Other communities' outcome words, printed as written: W3C's resolutions, IETF's consensus and hums.
    { ...outcome('resolved:', 'resolved', 'decision', false), asWritten: true },
    { ...outcome('resolution:', 'resolution', 'decision', false), asWritten: true },
    { ...outcome('resolutions:', 'resolution', 'decision', true), asWritten: true },
    { ...outcome('consensus:', 'consensus', 'decision', false), asWritten: true },
    { ...outcome('hum:', 'hum', 'conclusion', false), asWritten: true },
    { ...outcome('hums:', 'hum', 'conclusion', true), asWritten: true }
];

/** The words that start a directory entry: `person @handle Name`, `org @handle Name`, … */
export const ENTRY_KINDS: readonly string[] = ['person', 'org', 'organisation', 'organization', 'country', 'delegation', 'office'];

/** Facts of each office: whether holding it makes someone a participant, and whether it names a person. */
export const OFFICES: Readonly<Record<MeetingOffice, { readonly takesPart: boolean; readonly personal: boolean }>> = {
    chair: { takesPart: true, personal: true },
    moderator: { takesPart: true, personal: true },
    rapporteur: { takesPart: true, personal: true },
    notetaker: { takesPart: true, personal: true },
    // The author writes the note, perhaps afterwards; organisers are usually organisations.
    author: { takesPart: false, personal: true },
    organiser: { takesPart: false, personal: false }
};

const BY_KEY = new Map(KEYS.map(definition => [definition.key, definition]));

/**
 * A key as written (`Next  Steps :`) as the vocabulary has it (`next-steps:`). Asked for
 * each block, several times. Keys are few (the AST holds the vocabulary's spelling); what a
 * lexer tries at line starts is not.
 */
export const normalisedKey = memoised(
    (written: string) => written.toLowerCase().replace(/[ \t]*:$/, '').trim().replace(/[ \t]+/g, '-') + ':', 10_000);

/** The definition of a key as written, if the language has it. */
export function keyDefinition(written: string | undefined): KeyDefinition | undefined {
    return written === undefined ? undefined : BY_KEY.get(normalisedKey(written));
}

/** Whether a key as written means `id` (`Organizer:` means `organisers`). */
export function isKey(written: string | undefined, id: string): boolean {
    return keyDefinition(written)?.id === id;
}

/** The keys of one kind, or those a predicate picks. */
export function keysWhere(predicate: (definition: KeyDefinition) => boolean): KeyDefinition[] {
    return KEYS.filter(predicate);
}

// ---- Labels -----------------------------------------------------------------------

/** What outputs call a key: `Conclusion`, and `Conclusions` for a plural key. */
export interface Label {
    readonly one: string;
    readonly many?: string;
}

/** The words of one language for the vocabulary: a key's label by its id, offices, attendance. */
export interface VocabularyLabels {
    /** Labels of the keys outputs show by name: header fields, body fields, segments, outcomes. */
    readonly keys: Readonly<Record<string, Label>>;
    /** An office as a participant's list says it: `chair`, `note-taker`. */
    readonly offices: Readonly<Record<MeetingOffice, string>>;
    readonly attendance: Readonly<Record<Attendance, string>>;
}

export const ENGLISH_LABELS: VocabularyLabels = {
    keys: {
        group: { one: 'Group' }, series: { one: 'Series' }, event: { one: 'Event' }, session: { one: 'Session' },
        date: { one: 'Date' }, time: { one: 'Time' }, venue: { one: 'Venue' }, room: { one: 'Room' },
        format: { one: 'Format' }, organisers: { one: 'Organisers' }, chair: { one: 'Chair' }, moderator: { one: 'Moderator' },
        rapporteur: { one: 'Rapporteur' }, notetaker: { one: 'Note-taker' }, author: { one: 'Author' }, rule: { one: 'Rule' },
        attendance: { one: 'Attendance' }, link: { one: 'Link' }, programme: { one: 'Programme' },
        transcript: { one: 'Transcript' }, slides: { one: 'Slides' }, recording: { one: 'Recording' },
        symbol: { one: 'Symbol' }, original: { one: 'Original' }, distribution: { one: 'Distribution' }, issued: { one: 'Issued' },
        summary: { one: 'Summary' }, background: { one: 'Background' }, disclaimer: { one: 'Disclaimer' }, language: { one: 'Language' },
        presentations: { one: 'Presentations' }, discussion: { one: 'Discussion' }, questions: { one: 'Questions and answers' },
        floor: { one: 'From the floor' }, responses: { one: 'Responses' },
        conclusion: { one: 'Conclusion', many: 'Conclusions' }, decision: { one: 'Decision', many: 'Decisions' },
        agreed: { one: 'Agreed' }, takeaway: { one: 'Takeaway', many: 'Takeaways' },
        'key-takeaway': { one: 'Key takeaway', many: 'Key takeaways' }, 'next-step': { one: 'Next step', many: 'Next steps' },
        'key-issue': { one: 'Key issue', many: 'Key issues' },
        attendees: { one: 'Attendees' }, participants: { one: 'Participants' }, present: { one: 'Present' },
        speakers: { one: 'Speakers' }, panel: { one: 'Panel' }, panelists: { one: 'Panelists' }, remote: { one: 'Remote' },
        absent: { one: 'Absent' }, apologies: { one: 'Apologies' }, regrets: { one: 'Regrets' }, staff: { one: 'Staff' }, observers: { one: 'Observers' },
        agenda: { one: 'Agenda' }, topics: { one: 'Topics' }
    },
    offices: {
        chair: 'chair', moderator: 'moderator', rapporteur: 'rapporteur', notetaker: 'note-taker', author: 'author', organiser: 'organiser'
    },
    attendance: {
        present: 'present', remote: 'remote', absent: 'absent', apologies: 'apologies', staff: 'staff', observer: 'observer'
    }
};

/** Whether outputs show a key by its label: a header or body field, a list (attendees, agenda), a segment, an outcome. */
export function isLabelled(definition: KeyDefinition): boolean {
    if (definition.asWritten) return false;
    return definition.header !== undefined || definition.body !== undefined || definition.kind === 'segment' || definition.kind === 'outcome'
        || definition.kind === 'roster' || definition.kind === 'agenda';
}

/** The label of a key: its plural for a plural key. */
export function keyLabel(definition: KeyDefinition, labels: VocabularyLabels = ENGLISH_LABELS): string {
    const label = labels.keys[definition.id];
    if (!label) return definition.key.slice(0, -1);
    return definition.list ? label.many ?? label.one : label.one;
}

/**
 * The label outputs print for a key as written (`ATTENDEES:`, `date :`); a key the vocabulary
 * lacks, or one printed as written (`RESOLVED:`), is its own label. See `inWrittenCase`.
 */
export function labelOf(written: string, labels: VocabularyLabels = ENGLISH_LABELS): string {
    const word = written.replace(/[ \t]*:$/, '');
    const definition = keyDefinition(written);
    return definition && !definition.asWritten ? inWrittenCase(word, keyLabel(definition, labels)) : word;
}

/**
 * A label in the case the note writes it: the written word when it is the label's word in
 * another case (IETF's `ATTENDEES`, W3C's `ACTION`), so that no word the note-taker wrote is
 * changed; the label when the word is written in lower case (the language's own spelling of
 * keys, `attendees:`, prints `Attendees`), spelt otherwise (`program:` prints `Programme`), or
 * when the label is another language's (`ATTENDEES:` in a French meeting prints `Personnes
 * présentes`: a translated output translates its labels).
 */
export function inWrittenCase(written: string, label: string): string {
    return written !== written.toLowerCase() && written.toLowerCase() === label.toLowerCase() ? written : label;
}
