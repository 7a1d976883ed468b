import { isOrganisation, isPerson, isRoster, type Organisation, type Party } from '../generated/ast.js';
import { organisationsOf, shortName } from '../model/directory.js';
import type { ValidationAcceptor } from 'langium';
import { attendeeTarget, type Attendance, type Attendee, type Item, type Meeting, type RosterGroup, type Turn } from '../model/structure.js';
import { mentionsOf, writtenName } from '../model/text.js';
import { rangeOfOffsets, writtenValue } from './ranges.js';
import { IssueCodes } from './issue-codes.js';
import type { MeetingRule } from './meeting-rules.js';
import { keyDefinition } from '../model/vocabulary.js';


/** Attendance that does not mean being in the room to speak. */
const NOT_THERE: ReadonlySet<Attendance> = new Set(['absent', 'apologies']);
const NOT_EXPECTED_TO_SPEAK: ReadonlySet<Attendance> = new Set(['absent', 'apologies', 'staff', 'observer']);

/** Turns by people from the audience: a roster lists the panel, not the room. */
function isFromTheAudience(turn: Turn): boolean {
    return turn.kind === 'floor' || turn.kind === 'question' || turn.qualifiers.fromFloor === true;
}

/** Everyone the meeting lists (in any roster) or names in a role field such as `chair:`. */
function listedAtMeeting(meeting: Meeting): Set<Party> {
    const listed = new Set<Party>();
    for (const attendee of meeting.attendees) {
        if (attendee.party) listed.add(attendee.party);
    }
    // Who runs or records the meeting (an office), or sends its note, is there without being listed.
    for (const { party } of meeting.offices) {
        if (party) listed.add(party);
    }
    for (const field of meeting.fields) {
        if (keyDefinition(field.key)?.envelope !== 'from') continue;
        for (const mention of mentionsOf(field.value)) {
            if (mention.party.ref) listed.add(mention.party.ref);
        }
    }
    return listed;
}

/**
 * Whether a party counts as listed: itself, or through membership — an organisation
 * speaks through a listed member, a person belongs to a listed delegation.
 */
function isCoveredBy(party: Party, listed: Set<Party>): boolean {
    if (listed.has(party)) return true;
    if (isPerson(party)) return organisationsOf(party).some(org => listed.has(org));
    return [...listed].some(member => isPerson(member) && organisationsOf(member).includes(party));
}

/** Someone speaks who is not in the meeting's attendees (only when the meeting lists them). */
export const speakerMustBeAmongAttendees: MeetingRule = (meeting, accept) => {
    if (meeting.rosters.length === 0) return;
    const listed = listedAtMeeting(meeting);
    for (const turn of meeting.turns) {
        const speaker = turn.speaker;
        if (!speaker || turn.unidentified || isFromTheAudience(turn) || turn.qualifiers.presentedBy) continue;
        if (isCoveredBy(speaker, listed)) continue;
        accept('warning', `${shortName(speaker)} speaks but is not among the attendees of this meeting.`, {
            node: turn.line,
            property: 'speaker',
            code: IssueCodes.SpeakerNotAttendee,
            data: { code: IssueCodes.SpeakerNotAttendee, handle: speaker.name }
        });
    }
};

/** A meeting's attendees by party, in written order: looked up per turn (filtering them all for each turn was quadratic in a meeting's length). */
function attendeesByParty(meeting: Meeting): Map<Party, Attendee[]> {
    const byParty = new Map<Party, Attendee[]>();
    for (const attendee of meeting.attendees) {
        if (!attendee.party) continue;
        const entries = byParty.get(attendee.party);
        if (entries) entries.push(attendee);
        else byParty.set(attendee.party, [attendee]);
    }
    return byParty;
}

/** Someone listed as absent speaks, and nobody is said to present their contribution. */
export const speakerMustNotBeListedAsAbsent: MeetingRule = (meeting, accept) => {
    const attendees = attendeesByParty(meeting);
    for (const turn of meeting.turns) {
        const speaker = turn.speaker;
        if (!speaker || turn.qualifiers.presentedBy) continue;
        const entries = attendees.get(speaker);
        if (!entries || !entries.every(attendee => NOT_THERE.has(attendee.attendance))) continue;
        const status = entries[0].attendance === 'apologies' ? 'as having sent apologies' : 'as absent';
        accept('warning', `${shortName(speaker)} is listed ${status} but speaks here; `
            + `if someone presented their contribution, write [presented by @name] after the name.`, {
            node: turn.line,
            property: 'speaker',
            code: IssueCodes.AbsentSpeaker,
            data: { code: IssueCodes.AbsentSpeaker }
        });
    }
};

/** The organisations of the people among `speakers`: read once per meeting, not once per organisation listed. */
function organisationsOfSpeakers(speakers: ReadonlySet<Party>): Set<Organisation> {
    const organisations = new Set<Organisation>();
    for (const speaker of speakers) {
        if (isPerson(speaker)) for (const organisation of organisationsOf(speaker)) organisations.add(organisation);
    }
    return organisations;
}

/** An attendee who never takes the floor, in a meeting whose notes record who spoke. */
export const attendeeShouldSpeak: MeetingRule = (meeting, accept) => {
    const spoke = new Set<Party>();
    for (const turn of meeting.turns) {
        if (turn.speaker) spoke.add(turn.speaker);
        if (turn.qualifiers.presentedBy) spoke.add(turn.qualifiers.presentedBy);
        // The other speakers of a joint turn (`@Ana + @Ben:`) spoke too.
        for (const mention of turn.jointWith) if (mention.party.ref) spoke.add(mention.party.ref);
    }
    if (spoke.size === 0) return;
    const reported = new Set<Party>();
    let spokenForByMembers: Set<Organisation> | undefined;
    for (const attendee of meeting.attendees) {
        const party = attendee.party;
        if (!party || NOT_EXPECTED_TO_SPEAK.has(attendee.attendance) || reported.has(party)) continue;
        if (spoke.has(party)) continue;
        // A member speaks for a listed organisation; an organisation's turn is its members'.
        if (isOrganisation(party) && (spokenForByMembers ??= organisationsOfSpeakers(spoke)).has(party)) continue;
        if (isPerson(party) && organisationsOf(party).some(org => spoke.has(org))) continue;
        reported.add(party);
        const message = `${shortName(party)} is listed among the attendees but never speaks in these notes.`;
        const info = { code: IssueCodes.SilentAttendee, data: { code: IssueCodes.SilentAttendee } };
        // At the name: on its line, or in its one-line list.
        const target = attendeeTarget(attendee);
        if (target.property === 'speaker') accept('hint', message, { ...info, ...target });
        else accept('hint', message, { ...info, ...target });
    }
};

/**
 * A list of names in an attendee list that ends in a separator no line of names goes on from
 * (`Absents excusés : @a, @b,` then `Procurations : …`): it is kept as written, no list, so its
 * people are not attendees. Said at the separator; the quick fix ends the list there.
 */
export function attendeeListMustEnd(group: RosterGroup, accept: ValidationAcceptor): void {
    const open = group.unfinished;
    if (!open) return;
    const text = open.block.$cstNode!.root.fullText;
    const separator = text.slice(open.separator, open.end);
    const names = open.names.map(mention => mention.party.ref ? shortName(mention.party.ref) : writtenName(mention.party.$refText));
    const named = names.length <= 3 ? joinNames(names) : `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
    accept('warning', `This list of names ends in '${separator}' with no line of names after it, so it is kept as written: `
        + `${named} ${names.length === 1 ? 'is' : 'are'} not among the attendees. If the list ends here, remove the '${separator}'.`, {
        node: open.block,
        range: rangeOfOffsets(open.block, open.separator, open.end),
        code: IssueCodes.UnfinishedAttendeeList,
        data: { code: IssueCodes.UnfinishedAttendeeList }
    });
}

/**
 * `attendees:` over a list of names written without `@` (`- Catherine Holmes`, as GitHub's
 * minutes list them): the list names no one, and its lines are prose, printed as written. Each
 * line that reads as a name (a capital first, letters, at most six words) gets a hint at its
 * text; the quick fix writes it `@{Catherine Holmes}`, which makes the person an attendee (and
 * asks for them in the directory, as any name does).
 */
export function attendeeListShouldNameSomeone(group: RosterGroup, next: Item | undefined, accept: ValidationAcceptor): void {
    if (group.attendees.length > 0 || group.unfinished || !isRoster(group.roster) || group.roster.blankAfter) return;
    if (next?.kind !== 'prose') return;
    const list = next.paragraphs[0];
    if (list?.kind !== 'list') return;
    for (const entry of list.items) {
        const line = entry.lines[0];
        const written = writtenValue(line?.text);
        if (!line || !written || (line.text?.mentions.length ?? 0) > 0) continue;
        const name = written.value.trim();
        if (!NAME_AS_WRITTEN.test(name)) continue;
        const start = written.offset + written.value.indexOf(name);
        accept('hint', `'${name}' is not an attendee: a name in an attendee list is written with @ (@{${name}}), and without it the line is prose.`, {
            node: line,
            range: rangeOfOffsets(line, start, start + name.length),
            code: IssueCodes.NameWithoutAt,
            data: { code: IssueCodes.NameWithoutAt }
        });
    }
}

/** A person's name as a list writes it: a capital first, letters, apostrophes, hyphens and full stops, one to six words. */
const NAME_AS_WRITTEN = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}\p{M}'’.-]+){0,5}$/u;

/** `A`, `A and B`, `A, B and C`. */
function joinNames(names: readonly string[]): string {
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
