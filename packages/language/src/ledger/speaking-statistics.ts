import { isOrganisation, isPerson, type Line, type Organisation, type Party } from '../generated/ast.js';
import {
    organisationsOf, shortName, stakeholderGroupOf, STAKEHOLDER_GROUPS, type StakeholderGroup
} from '../model/directory.js';
import { continuationOf, type ListItem, type Meeting, type Paragraph, type Turn } from '../model/structure.js';
import { mentionText, plainText, writtenName } from '../model/text.js';
import type { MeetingPlace } from './meetings.js';

/**
 * Who was heard: interventions (turns) and words per speaker, per organisation and per
 * stakeholder group, and each group's share.
 *
 * An intervention is one turn. Its words are the words of the turn as they read in the
 * outputs — the text after the speaker's name and every paragraph of the turn, mentions
 * read as names (`@mcade` is two words, "Marilyn Cade") — not counting list labels or
 * the speaker's own name. A word is a run of non-space characters with a letter or digit.
 *
 * A turn counts for the organisation it was spoken for (`[for @org]`), else for the
 * speaker's first organisation, or for the speaker when an organisation or a country
 * speaks as such; its stakeholder group is that organisation's. Speakers with no
 * stakeholder group, and unidentified speakers (`@?`), are counted apart; so are joint turns
 * (`@DE, @AK: Perfect!`: said by several, credited to no one of them) and unnamed groups
 * (`@{Several participants}`, `@everyone`: no person, and no organisation either).
 */
export interface Tally {
    readonly interventions: number;
    readonly words: number;
}

/** A tally with its share of the whole (0–1); shares of groups, ungrouped, unidentified, joint turns and unnamed groups add up to 1. */
export interface SharedTally extends Tally {
    readonly interventionShare: number;
    readonly wordShare: number;
}

export interface SpeakerTally extends Tally {
    /** `@handle` of a known speaker, or the name as written for one the directory does not know. */
    readonly key: string;
    readonly name: string;
    readonly party?: Party;
}

export interface OrganisationTally extends Tally {
    readonly key: string;
    readonly name: string;
    readonly organisation: Organisation;
}

export interface GroupTally extends SharedTally {
    readonly group: StakeholderGroup;
}

export interface SpeakingStatistics {
    /** Per identified speaker, most words first. */
    readonly speakers: readonly SpeakerTally[];
    /** Per organisation, most words first. */
    readonly organisations: readonly OrganisationTally[];
    /** Identified speakers counted for no organisation. */
    readonly withoutOrganisation: Tally;
    /** Per stakeholder group that was heard, in the order of STAKEHOLDER_GROUPS. */
    readonly groups: readonly GroupTally[];
    /** Identified speakers with no stakeholder group. */
    readonly ungrouped: SharedTally;
    /** Unidentified speakers (`@?`). */
    readonly unidentified: SharedTally;
    /** Joint turns (`@Ana + @Ben:`), credited to none of their speakers. */
    readonly joint: SharedTally;
    /** Unnamed groups (`@{Some Member States}`, `@everyone`). */
    readonly unnamedGroups: SharedTally;
    readonly total: Tally;
}

export interface MeetingStatistics {
    readonly place: MeetingPlace;
    readonly statistics: SpeakingStatistics;
}

/** Words of a text: runs of non-space characters with a letter or a digit. */
export function countWords(text: string): number {
    return text.split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word)).length;
}

function paragraphLines(paragraphs: readonly Paragraph[]): Line[] {
    return paragraphs.flatMap(p => p.kind === 'list' ? itemLines(p.items) : p.lines);
}

/** The lines of a list's items, but for a turn written in the list and the items under it: those are its speaker's. */
function itemLines(items: readonly ListItem[]): Line[] {
    const lines: Line[] = [];
    let underTurn: number | undefined;
    for (const item of items) {
        if (underTurn !== undefined && item.indent > underTurn) continue;
        underTurn = item.turn ? item.indent : undefined;
        lines.push(...item.lines);
    }
    return lines;
}

/** The words of a turn (see {@link SpeakingStatistics}). */
export function turnWords(turn: Turn): number {
    return [...continuationOf(turn.line), ...paragraphLines(turn.paragraphs)]
        .reduce((sum, line) => sum + countWords(plainText(line.text)), countWords(plainText(turn.line.text)));
}

/** The organisation a turn counts for (see {@link SpeakingStatistics}). */
export function organisationOfTurn(turn: Turn): Organisation | undefined {
    if (turn.qualifiers.onBehalfOf && isOrganisation(turn.qualifiers.onBehalfOf)) return turn.qualifiers.onBehalfOf;
    const speaker = turn.speaker;
    if (!speaker) return undefined;
    if (isOrganisation(speaker)) return speaker;
    return isPerson(speaker) ? organisationsOf(speaker)[0] : undefined;
}

/** The stakeholder group a turn counts for. */
export function stakeholderGroupOfTurn(turn: Turn): StakeholderGroup | undefined {
    const organisation = organisationOfTurn(turn);
    if (organisation) return stakeholderGroupOf(organisation) ?? (turn.speaker ? stakeholderGroupOf(turn.speaker) : undefined);
    return turn.speaker ? stakeholderGroupOf(turn.speaker) : undefined;
}

class Counter {
    interventions = 0;
    words = 0;
    add(words: number): void {
        this.interventions++;
        this.words += words;
    }
}

function byWords<T extends Tally & { name: string }>(a: T, b: T): number {
    return b.words - a.words || b.interventions - a.interventions || a.name.localeCompare(b.name);
}

function share(part: Tally, total: Tally): SharedTally {
    return {
        interventions: part.interventions,
        words: part.words,
        interventionShare: total.interventions ? part.interventions / total.interventions : 0,
        wordShare: total.words ? part.words / total.words : 0
    };
}

/** The statistics of the turns given (of one meeting, or of many). */
export function statisticsOfTurns(turns: Iterable<Turn>): SpeakingStatistics {
    const speakers = new Map<string, { counter: Counter; name: string; party?: Party }>();
    const organisations = new Map<Organisation, Counter>();
    const groups = new Map<StakeholderGroup, Counter>();
    const withoutOrganisation = new Counter();
    const ungrouped = new Counter();
    const unidentified = new Counter();
    const joint = new Counter();
    const unnamedGroups = new Counter();
    const total = new Counter();
    for (const turn of turns) {
        const words = turnWords(turn);
        total.add(words);
        if (turn.unidentified) {
            unidentified.add(words);
            continue;
        }
        if (turn.jointWith.length > 0) {
            joint.add(words);
            continue;
        }
        if (turn.phrase?.kind === 'group' && !turn.speaker) {
            unnamedGroups.add(words);
            continue;
        }
        const party = turn.speaker;
        const written = writtenName(turn.line.speaker.$refText);
        const key = party ? `@${party.name}` : written;
        const name = party ? shortName(party) : mentionText(written, undefined);
        let speaker = speakers.get(key);
        if (!speaker) speakers.set(key, speaker = { counter: new Counter(), name, party });
        speaker.counter.add(words);

        const organisation = organisationOfTurn(turn);
        if (organisation) {
            let counter = organisations.get(organisation);
            if (!counter) organisations.set(organisation, counter = new Counter());
            counter.add(words);
        } else {
            withoutOrganisation.add(words);
        }

        const group = stakeholderGroupOfTurn(turn);
        if (group) {
            let counter = groups.get(group);
            if (!counter) groups.set(group, counter = new Counter());
            counter.add(words);
        } else {
            ungrouped.add(words);
        }
    }
    const tally = (counter: Counter): Tally => ({ interventions: counter.interventions, words: counter.words });
    return {
        speakers: [...speakers.entries()]
            .map(([key, s]) => ({ key, name: s.name, party: s.party, ...tally(s.counter) }))
            .sort(byWords),
        organisations: [...organisations.entries()]
            .map(([organisation, counter]) => ({ key: `@${organisation.name}`, name: shortName(organisation), organisation, ...tally(counter) }))
            .sort(byWords),
        withoutOrganisation: tally(withoutOrganisation),
        groups: STAKEHOLDER_GROUPS.filter(group => groups.has(group))
            .map(group => ({ group, ...share(groups.get(group)!, total) })),
        ungrouped: share(ungrouped, total),
        unidentified: share(unidentified, total),
        joint: share(joint, total),
        unnamedGroups: share(unnamedGroups, total),
        total: tally(total)
    };
}

/** Who was heard in one meeting. */
export function meetingStatistics(meeting: Meeting): SpeakingStatistics {
    return statisticsOfTurns(meeting.turns);
}

/** Who was heard in each meeting that has turns, and across all of them. */
export function workspaceStatistics(places: readonly MeetingPlace[]): { meetings: MeetingStatistics[]; overall: SpeakingStatistics } {
    const withTurns = places.filter(place => place.meeting.turns.length > 0);
    return {
        meetings: withTurns.map(place => ({ place, statistics: meetingStatistics(place.meeting) })),
        overall: statisticsOfTurns(withTurns.flatMap(place => place.meeting.turns))
    };
}
