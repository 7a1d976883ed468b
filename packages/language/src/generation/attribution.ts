import { isOrganisation, isPerson, type Document, type Field, type Party } from '../generated/ast.js';
import { firstOrganisationName, shortName, stakeholderGroupOf, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../model/directory.js';
import { structureOf } from '../model/structure.js';
import { formattedCount, counted, filled } from '../model/language.js';
import { writtenText } from '../model/text.js';
import type { OutputWords } from '../model/translations.js';
import { isKey } from '../model/vocabulary.js';

/**
 * Attribution of what was said: the Chatham House Rule.
 *
 * - `full`: speakers and people mentioned are named, with their organisation.
 * - `organisation`: a person reads as "a participant from ICANN" — their organisation
 *   (the one they spoke for, the one the attendee list gives, or their first), else their
 *   stakeholder group; an organisation or country speaking as such is named.
 * - `none`: a person, and an organisation speaking, read as "a participant from civil
 *   society" — the stakeholder group only, which names no one.
 *
 * Below `full`, participant lists become counts per stakeholder group, meeting offices
 * (chair, moderator, rapporteur, note-taker, author) and the capacities and qualifiers
 * written in brackets are left out, and the directory facts of people are not output.
 * Organisations mentioned in prose keep their names: they are what was discussed.
 * The sender and recipients (`from:`, `to:`, `cc:`; the author as the sender of an eml)
 * are the sender's business and stay as written.
 *
 * What cannot be caught: prose that names a person without `@` (`as Marilyn said`), and
 * action identifiers made of names (`#marilyn-paper`). Write people with `@` in notes
 * taken under the Rule.
 */
import { ATTRIBUTIONS, type Attribution } from '../options.js';

export { ATTRIBUTIONS, type Attribution };

/** Whether a `rule:` value names the Chatham House Rule (`Chatham House`, `Chatham House Rule`, `chatham-house`). */
export function isChathamHouseRule(value: string): boolean {
    return /\bchatham[\s_-]*house\b/i.test(value);
}

function ruleFields(document: Document): Field[] {
    const structure = structureOf(document);
    return [...structure.fields, ...structure.meetings.flatMap(m => m.fields)].filter(f => isKey(f.key, 'rule'));
}

/** Whether the document, or any of its meetings, declares the Chatham House Rule. */
export function declaresChathamHouseRule(document: Document): boolean {
    return ruleFields(document).some(field => isChathamHouseRule(writtenText(field.value)));
}

/**
 * The attribution an output uses: the one asked for, else `organisation` when the document
 * declares the Chatham House Rule (for one meeting, the whole document follows it), else `full`.
 */
export function effectiveAttribution(document: Document, requested: Attribution | undefined): Attribution {
    return requested ?? (declaresChathamHouseRule(document) ? 'organisation' : 'full');
}

/** What the place of a name adds to anonymising it. */
export interface AnonymityContext {
    /** The organisation the turn was spoken for (`[for @org]`). */
    readonly onBehalfOf?: Party;
    /** The affiliation the meeting's attendee list writes for the person (`(ICANN Board)`). */
    readonly affiliation?: string;
    /** The reference is a turn's speaker: an organisation speaking is anonymised at `none`. */
    readonly speaking?: boolean;
}

/**
 * How a reference reads below `full` attribution, or undefined when it keeps its name
 * (an organisation at `organisation`; an organisation mentioned, not speaking, at `none`).
 * In the meeting's language (`words`, from translations.ts): "a participant from civil
 * society", "un participant de la société civile", "un participant (ICANN)". Lower case;
 * capitalised at the start of a sentence by the caller (see capitaliseSentenceStart).
 */
export function anonymousName(party: Party | undefined, context: AnonymityContext, attribution: Exclude<Attribution, 'full'>, words: OutputWords): string | undefined {
    const onBehalfOf = context.onBehalfOf && isOrganisation(context.onBehalfOf) ? context.onBehalfOf : undefined;
    const fromGroup = (group: StakeholderGroup | undefined) => words.anonymous[group ?? 'none'];
    if (party && isOrganisation(party)) {
        if (attribution === 'organisation' || !context.speaking) return undefined;
        return fromGroup(stakeholderGroupOf(party));
    }
    if (!party || !isPerson(party)) return fromGroup(onBehalfOf && stakeholderGroupOf(onBehalfOf));
    const group = (onBehalfOf && stakeholderGroupOf(onBehalfOf)) ?? stakeholderGroupOf(party);
    if (attribution === 'none') return fromGroup(group);
    const organisation = onBehalfOf ? shortName(onBehalfOf) : context.affiliation ?? firstOrganisationName(party);
    return organisation ? filled(words.participantFrom, { organisation }) : fromGroup(group);
}

/** Upper-cases the first letter of a name that starts a sentence: after nothing, or after `.`, `!` or `?`. */
export function capitaliseSentenceStart(name: string, textBefore: string): string {
    const before = textBefore.trimEnd();
    return before === '' || /[.!?]$/.test(before) ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** People counted per stakeholder group, in the order of STAKEHOLDER_GROUPS; `null` for those with none. */
export function countsByStakeholderGroup(parties: ReadonlyArray<Party | undefined>): Array<{ group: StakeholderGroup | null; count: number }> {
    const counts = new Map<StakeholderGroup | null, number>();
    for (const party of parties) {
        const group = party ? stakeholderGroupOf(party) ?? null : null;
        counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return [...STAKEHOLDER_GROUPS, null].filter(group => counts.has(group)).map(group => ({ group, count: counts.get(group)! }));
}

/**
 * A list of people without their names, in a language: `5 participants (2 civil society,
 * 1 government, 2 with no stakeholder group)`, `5 участников (гражданское общество: 2, …)`.
 */
export function participantCountText(parties: ReadonlyArray<Party | undefined>, words: OutputWords, language: string): string {
    const participants = counted(words.participantCount, parties.length, language);
    const groups = countsByStakeholderGroup(parties).map(({ group, count }) =>
        filled(words.groupCount, { count: formattedCount(count, language), group: group ? words.stakeholderGroups[group] : words.noStakeholderGroup }));
    return groups.length > 0 ? filled(words.participantTally, { participants, groups: groups.join(words.listSeparator) }) : participants;
}
