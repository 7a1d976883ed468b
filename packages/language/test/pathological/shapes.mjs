// The shapes of the growth sweep: every construct of the language (docs/language.md, the
// grammar, model/vocabulary.ts) repeated, nested, left unclosed, identical and with many
// distinct names, each a row: a name, what it is, and the files it makes for a size n.
// growth.mjs runs each through every stage (every output at every attribution) at n, 2n
// and 4n: growth-sweep.test.ts at `n` (a few kilobytes, in `npm test`), `node
// bench/pathological.mjs --growth` at the full size (`full`, or BENCH_FACTOR times n: the
// largest file then has about a megabyte). A new construct adds its rows here.
import {
    bidiEmbeddings, commentLines, continuationLines, deepAgenda, deepList, deepNumberedAgenda, duplicateActionIds, indentedLines, largeFile, longLine,
    listShapes, longTitle, manyAttendees, oneLineAttendance, wrappedAttendance, manyInterventions, manyMentions, manySpeakers, mentionsInParagraph, people, reviewEntries, sameHeadings, sameTextActions,
    seriesOpenActions, sharedSurname, smallDirectory, turnShapes, updatesOfOneAction
} from './inputs.mjs';

const SENTENCES = [
    'He noted that the multistakeholder model had served the Internet well.',
    'She asked whether the IGF could produce more tangible outcomes.',
    'The chair opened the floor for questions (15 minutes remained).',
    'Il a rappelé que la gouvernance de l’Internet concerne toutes les parties prenantes.'
];
const sentence = i => SENTENCES[i % SENTENCES.length];
const times = (count, line) => Array.from({ length: count }, (_, i) => line(i));

/** A meeting beside the small directory (the meeting is the document the editor and the outputs work on). */
const meeting = (...lines) => ({ 'directory.minutes': smallDirectory(), 'meeting.minutes': lines.flat().join('\n') + '\n' });
const HEAD = ['meeting: The sweep', 'group: Sweep group', 'date: 2018-03-19', 'from: Sweep <sweep@example.org>', 'to: @mcade', ''];
/** A directory and a meeting, from an input of inputs.mjs that makes both. */
const both = make => n => {
    const { directory, meeting: text } = make(n);
    return { 'directory.minutes': directory, 'meeting.minutes': text };
};
const alone = (name, make) => n => ({ [name]: make(n) });

const HEADER_KEYS = ['group', 'series', 'event', 'session', 'time', 'venue', 'room', 'format', 'link', 'programme', 'transcript', 'slides',
    'recording', 'organisers', 'chair', 'moderator', 'rapporteur', 'notetaker', 'author', 'rule', 'cc', 'attendance', 'language', 'symbol',
    'original', 'distribution', 'issued'];
const headerValue = (key, i) => ({
    chair: '@mcade', moderator: '@nhickson', rapporteur: '@ttropina', notetaker: '@Marilyn', author: '@nhickson', organisers: '@ICANN', cc: '@mcade',
    link: `https://example.org/${i}`, programme: 'https://example.org/p', transcript: 'https://example.org/t', slides: 'https://example.org/s',
    recording: 'https://example.org/r', language: ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'de'][i % 7], rule: i % 2 ? 'Chatham House' : 'none',
    time: '14:00-15:30 UTC', attendance: '15 (17, inc. staff)', original: 'French', issued: '8 August 2017'
}[key] ?? `${key} ${i}`);
const DATES = ['2018-03-19', '19 mars 2018', '19 de marzo de 2018', '19 марта 2018 г.', '١٩ آذار/مارس ٢٠١٨', '2018年3月19日', 'Monday, 19 March 2018'];
const ROSTERS = ['attendees', 'participants', 'present', 'speakers', 'panel', 'panelists', 'remote', 'absent', 'apologies', 'staff', 'observers'];
const SEGMENTS = ['discussion', 'presentations', 'questions', 'q&a', 'floor', 'responses'];
const OUTCOMES = ['conclusion', 'decision', 'takeaway', 'next step', 'agreed', 'RESOLVED', 'resolution', 'Consensus', 'HUM'];
const PLURAL_OUTCOMES = ['conclusions', 'decisions', 'takeaways', 'key takeaways', 'next steps', 'key issues', 'RESOLUTIONS', 'Hums'];
const SPEAKERS = ['@mcade', '@nhickson', '@ttropina', '@Marilyn', '@ICANN', '@?'];
const speaker = i => SPEAKERS[i % SPEAKERS.length];
const day = i => new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10);

/** How much larger the benchmark's sizes are than the test's, unless a row says (`full`). */
export const BENCH_FACTOR = 64;

/** A row's size in the benchmark. */
export function fullSize(shape) {
    return shape.full ?? shape.n * BENCH_FACTOR;
}

/**
 * The rows: `n` is the size in `npm test`, `full` in the benchmark (nested shapes, whose
 * size in characters grows as the square of their depth, say theirs); each is run at n, 2n
 * and 4n. `steeper` names the stages whose output grows faster than the input by design,
 * and why.
 */
export const SHAPES = [
    // ---- Documents of many meetings, prose and paragraphs ----
    { name: 'meetings', what: 'meetings of realistic notes (characters)', n: 4_000, files: alone('large.minutes', largeFile) },
    { name: 'meeting-headers', what: 'meetings each with every header field, dated in each of the six languages', n: 6, files: n => meeting(
        times(n, i => [`meeting: Meeting ${i}`, ...HEADER_KEYS.map(key => `${key}: ${headerValue(key, i)}`), `date: ${DATES[i % DATES.length]}`,
            'greeting: Good afternoon.', '', `@mcade: ${sentence(i)}`, '', 'sign-off: GE', ''])) },
    { name: 'header-fields-identical', what: 'one header with the same field written again and again', n: 100, files: n => meeting(
        'meeting: Fields', times(n, () => 'date: 2018-03-19'), times(n, () => 'chair: @mcade'), '', '@mcade: Hello.') },
    { name: 'header-field-folded', what: 'a header field folded over indented lines', n: 50, files: n => meeting(
        'meeting: Folded', times(n, i => `  ${sentence(i)}`), 'date: 2018-03-19', '', 'Body.') },
    { name: 'text-fields', what: 'summary:, background:, disclaimer: with their paragraphs', n: 20, files: n => meeting(HEAD,
        times(n, i => [`${['summary', 'background', 'disclaimer'][i % 3]}: ${sentence(i)}`, sentence(i + 1), '', sentence(i + 2), ''])) },
    { name: 'interventions', what: 'interventions in one meeting', n: 60, files: alone('session.minutes', manyInterventions) },
    { name: 'prose-lines', what: 'bullets, numbered items and quotes', n: 60, files: n => meeting(HEAD,
        times(n, i => [`- ${sentence(i)}`, `${i % 9 + 1}. ${sentence(i + 1)}`, `> ${sentence(i + 2)} @mcade`][i % 3])) },
    { name: 'continuation-lines', what: 'continuation lines after each of ten kinds of line', n: 8, files: n => ({ 'wrapped.minutes': smallDirectory() + continuationLines(n) }) },
    { name: 'breaks', what: 'meetings separated by --- lines', n: 50, files: n => meeting(HEAD, times(n, i => [`@mcade: ${sentence(i)}`, '---'])) },
    { name: 'front-matter-unclosed', what: 'a front matter of fields and labels the vocabulary lacks, never closed, then --- lines', n: 100, files: n => ({
        'front.minutes': ['---', ...times(n, i => [`venue: Room ${i}`, `label ${i}: value ${i}`]), ...times(n, () => '---'), ''].flat().join('\n') }) },
    { name: 'escapes', what: 'escaped line starts and characters', n: 150, files: n => meeting(HEAD,
        times(n, i => ['\\# 1 is trust.', '\\1. Not an item.', '\\date: not a field.', 'Write to \\@everyone about \\/* this */.'][i % 4])) },
    { name: 'comments', what: 'comment lines among prose, then a run of comments', n: 100, files: alone('comments.minutes', commentLines) },
    { name: 'block-comment-unclosed', what: 'a block comment opened and never closed before many lines', n: 60, files: n => meeting(HEAD, '/* never closed', times(n, sentence)) },
    { name: 'block-comments-inline', what: 'inline block comments on one line', n: 250, files: n => meeting(HEAD, `@mcade: ${times(n, i => `word /* c${i} */`).join(' ')}`) },
    { name: 'indented-lines', what: 'lines indented by many spaces', n: 100, files: n => ({ 'indented.minutes': indentedLines(50, n) }) },
    { name: 'languages', what: 'meetings each in another language, with dates and times in it', n: 15, files: n => meeting(
        times(n, i => [`meeting: Réunion ${i}`, `language: ${['fr', 'es', 'ru', 'ar', 'zh', 'en', 'de', 'fr-CA'][i % 8]}`, `date: ${DATES[i % DATES.length]}`,
            'time: 10h45 à 12h00 WET', 'chair: @mcade', 'attendees:', '- @mcade', '- @ttropina (remote)', '', 'agenda:', '1. Ouverture', '',
            `@mcade: ${sentence(i)}`, '', 'decision: Adopté.', `action #a${i} @nhickson: Faire.`, ''])) },

    // ---- Headings ----
    { name: 'headings', what: 'headings, each of its own text', n: 60, files: n => meeting(HEAD, times(n, i => [`## ${i}. Section ${i}`, '', sentence(i), ''])) },
    { name: 'headings-identical', what: 'headings of one text', n: 60, files: alone('headings.minutes', sameHeadings) },
    { name: 'headings-nested', what: 'headings nested six deep, again and again', n: 60, files: n => meeting(HEAD, times(n, i => [`${'#'.repeat(i % 6 + 1)} ${i % 6 + 1}. Level`, sentence(i), ''])) },
    { name: 'long-title', what: 'a title of one line (characters)', n: 2_000, files: n => ({ 'title.minutes': longTitle(n) }) },

    // ---- The directory ----
    { name: 'people', what: 'people with every entry field, and a meeting naming them', n: 20, files: n => ({
        'directory.minutes': people(n, i => [`  alias: Alias${i}`, '  role: Member', '  honorific: Dr', `  email: p${i}@example.org`, '  country: Kenya', '  website: https://example.org', `  note: ${sentence(i)}`]),
        'meeting.minutes': [...HEAD, 'attendees:', ...times(n, i => `- @p${i}`), '', ...times(n, i => `@Alias${i}: I agree with @p${(i + 1) % n}.`)].join('\n') + '\n' }) },
    { name: 'people-one-name', what: 'people of one name (every one a clash)', n: 50, files: n => ({
        'directory.minutes': times(n, i => `person @js${i} John Smith\n  alias: Johnny\n`).join('\n'),
        'meeting.minutes': [...HEAD, ...times(Math.min(n, 200), i => `@js${i}: Johnny and @{John Smith} agree.`)].join('\n') + '\n' }) },
    { name: 'shared-surname', what: 'people sharing a surname', n: 50, files: both(sharedSurname) },
    { name: 'aliases-one-entry', what: 'one person with many aliases and organisations', n: 200, files: n => meeting(HEAD,
        'person @many Many Names', `  aliases: ${times(n, i => `Name${i}`).join(', ')}`, `  org: ${times(n, () => '@ICANN').join(', ')}`, '', '@many: Hello.') },
    { name: 'organisations', what: 'organisations of every kind, some stakeholder groups misspelt', n: 25, files: n => ({
        'directory.minutes': times(n, i => [`${['org', 'organisation', 'country', 'delegation', 'office'][i % 5]} @o${i} Body ${i}`, `  acronym: B${i}`, `  name: The body ${i}`,
            `  stakeholder: ${['civil society', 'civil socety', 'private sector', 'technical community', 'academia', 'government'][i % 6]}`, ''].join('\n')).join('\n'),
        'meeting.minutes': [...HEAD, ...times(n, i => `@o${i} said ${sentence(i)}`)].join('\n') + '\n' }) },
    { name: 'review-entries', what: 'directory entries marked review:', n: 40, files: both(reviewEntries) },
    { name: 'unknown-references', what: 'unknown names in a name, fields, a date and an action header', n: 200, files: n => ({ 'mentions.minutes': manyMentions(n) }) },

    // ---- Lists: attendees and agendas ----
    { name: 'attendees', what: 'an attendee list of people of the directory', n: 60, files: both(manyAttendees) },
    { name: 'rosters', what: 'lists of every kind, again and again', n: 30, files: n => meeting(HEAD,
        times(n, i => [`${ROSTERS[i % ROSTERS.length]}: list ${i}`, `- @mcade (remote)`, `- @ttropina, ${sentence(i)}`, ''])) },
    { name: 'attendees-one-line', what: 'a one-line attendee list of many names; as many group labels with a one-line list each', n: 60, files: both(oneLineAttendance) },
    { name: 'attendees-wrapped', what: 'attendee lists wrapped onto many lines of names: a key\'s, a bare key\'s indented, group labels\', one left unclosed', n: 40, files: both(wrappedAttendance) },
    { name: 'attendees-unknown', what: 'an attendee list of names the directory lacks', n: 100, files: n => meeting(HEAD, 'attendees:', times(n, i => `- @Unknown${i} Person (absent): away`)) },
    { name: 'list-shapes', what: 'setext headings, + bullets, lettered sub-items, bullet turns inside lists; a line of many mentions; many underlines; a list of many items with a bullet turn under each (issue 13)', n: 16, files: n => ({ 'shapes.minutes': smallDirectory() + listShapes(n) }) },
    { name: 'agenda', what: 'an agenda of many items', n: 60, files: n => meeting(HEAD, 'agenda:', times(n, i => `${i + 1}. ${sentence(i)}`)) },
    { name: 'agenda-nested', what: 'an agenda nested by indentation (levels)', n: 60, full: 480, files: n => ({ 'agenda.minutes': deepAgenda(n) }) },
    { name: 'agenda-numbered', what: 'an agenda nested by numbers 1.1.1… (levels)', n: 60, full: 480, files: n => ({ 'agenda.minutes': deepNumberedAgenda(n) }) },
    { name: 'list-nested', what: 'a bulleted list nested by indentation (levels)', n: 60, full: 480, files: n => ({ 'list.minutes': deepList(n) }) },

    // ---- Turns ----
    { name: 'speakers', what: 'different people speaking', n: 40, files: both(manySpeakers) },
    { name: 'turns', what: 'headed, inline, narrated and bullet turns, by handle, name, organisation and @?', n: 60, files: n => meeting(HEAD,
        times(n, i => [[`${speaker(i)}:`, sentence(i)], [`${speaker(i)}: ${sentence(i)}`], [`${speaker(i)} noted ${sentence(i)}`], [`- ${speaker(i)}: ${sentence(i)}`]][i % 4].concat(''))) },
    { name: 'turn-shapes', what: 'numbered turns by office and delegation, groups, joint turns, narration; meetings each with its chair; a joint turn of many speakers (issue 13); offices listed after the regrets, actions of joint owners, an action of many owners and a line of many joined names', n: 8, files: n => ({ 'turns.minutes': smallDirectory() + turnShapes(n) }) },
    { name: 'segments', what: 'parts of a meeting of every kind, each with turns', n: 40, files: n => meeting(HEAD,
        times(n, i => [`${SEGMENTS[i % SEGMENTS.length]}: Part ${i}`, `${speaker(i)}: ${sentence(i)}`, ''])) },
    { name: 'qualifiers', what: 'qualifiers in one turn\'s brackets', n: 200, files: n => meeting(HEAD,
        `@mcade [${times(n, i => ['replying to @ttropina', 'for @ICANN', 'as chair', 'remote', 'at 10:02', 'presented by @nhickson', 'from the floor'][i % 7]).join(', ')}]: Yes.`) },
    { name: 'qualifiers-unclosed', what: 'turns whose bracket is never closed', n: 60, files: n => meeting(HEAD, times(n, i => `${speaker(i)} [replying to @mcade: ${sentence(i)}`)) },
    { name: 'speakers-unknown', what: 'turns by names the directory lacks, each different', n: 50, files: n => meeting(HEAD, times(n, i => [`@Speaker${i}: ${sentence(i)}`, ''])) },
    { name: 'braces-unclosed', what: 'names in braces never closed', n: 60, files: n => meeting(HEAD, times(n, i => `@{never closed ${i} ${sentence(i)}`)) },

    // ---- Outcomes, actions, updates ----
    { name: 'outcomes', what: 'outcomes of every key, each of its own text', n: 60, files: n => meeting(HEAD, times(n, i => `${OUTCOMES[i % OUTCOMES.length]}: ${sentence(i)} (${i})`)) },
    { name: 'outcomes-identical', what: 'one decision written again and again', n: 200, files: n => meeting(HEAD, times(n, () => 'decision: Adopted.')) },
    { name: 'outcome-lists', what: 'plural outcomes, each with its bullets', n: 25, files: n => meeting(HEAD,
        times(n, i => [`${PLURAL_OUTCOMES[i % PLURAL_OUTCOMES.length]}:`, `- ${sentence(i)}`, `- ${sentence(i + 1)}`, ''])) },
    { name: 'actions', what: 'actions with identifiers, owners, due dates and states', n: 40, files: n => meeting(HEAD,
        times(n, i => `action #a${i} @${['mcade', 'nhickson', 'ttropina'][i % 3]} due ${day(i)}${['', ' done', ' dropped', ' open'][i % 4]}: ${sentence(i)}`)) },
    { name: 'actions-w3c', what: 'actions whose owners open the text, as W3C writes them', n: 40, files: n => meeting(HEAD, times(n, i => `ACTION: @mcade and @nhickson to ${sentence(i)}`)) },
    { name: 'action-owners', what: 'one action with a few owners, each named many times', n: 300, files: n => meeting(HEAD, `action #many ${times(n, i => speaker(i % 4)).join(', ')}: Everyone does it.`) },
    { name: 'action-owners-distinct', what: 'one action owned by many people, each different', n: 100, full: 400, files: n => ({
        'directory.minutes': people(n), 'meeting.minutes': [...HEAD, `action #many ${times(n, i => `@p${i}`).join(', ')}: Everyone does it.`].join('\n') + '\n' }),
        steeper: { 'actions:json': 'the JSON listing gives an action, with all its owners, under each of its owners: n owners, n² names' } },
    { name: 'action-ids-identical', what: 'actions sharing one identifier', n: 100, files: alone('ids.minutes', duplicateActionIds) },
    { name: 'action-texts-identical', what: 'actions of one text and no identifier', n: 100, files: alone('actions.minutes', sameTextActions) },
    { name: 'series-open-actions', what: 'meetings of one group, each leaving an action open (a meeting lists the 50 oldest still open)', n: 60, files: alone('series.minutes', seriesOpenActions) },
    { name: 'updates-one-action', what: 'updates of one action', n: 150, files: alone('updates.minutes', updatesOfOneAction) },
    { name: 'updates-unknown', what: 'updates of identifiers no action has, each different', n: 40, files: n => meeting(HEAD, times(n, i => `update #missing${i} done: ${sentence(i)}`)) },
    { name: 'series-updates', what: 'meetings of one group, each reporting on the actions of the one before', n: 25, files: n => meeting(
        times(n, i => [`meeting: Call ${i}`, 'group: G', `date: ${day(4 * i)}`, '', `action #s${i} @nhickson due ${day(4 * i + 3)}: ${sentence(i)}`,
            ...(i > 0 ? [`update #s${i - 1} ${['done', 'open', 'dropped'][i % 3]}: Reported.`] : []), ''])) },

    // ---- Inline text ----
    { name: 'mentions', what: 'mentions in one paragraph', n: 250, files: alone('mentions.minutes', mentionsInParagraph) },
    { name: 'mentions-unknown', what: 'names the directory lacks in one paragraph, each different', n: 300, files: n => meeting(HEAD, `@mcade: ${times(n, i => `@Nobody${i}`).join(' and ')}.`) },
    { name: 'links', what: 'URLs, Markdown links and autolinks in one paragraph', n: 150, files: n => meeting(HEAD,
        `@mcade: ${times(n, i => [`https://example.org/${i}`, `[label ${i}](https://example.org/${i})`, `<https://example.org/${i}>`, `mailto:a${i}@example.org`][i % 4]).join(' ')}`) },
    { name: 'markdown-unclosed', what: 'inline Markdown that nests and never closes (characters)', n: 4_000, files: n => ({ 'markdown.minutes': longLine(n, 'markdown') }) },
    { name: 'bidi-nested', what: 'bidi embeddings and isolates opened n times and closed n times', n: 1_000, files: alone('bidi.minutes', bidiEmbeddings) },
    { name: 'bidi-unclosed', what: 'bidi overrides, embeddings and isolates never closed, one a line', n: 60, files: n => meeting(HEAD,
        times(n, i => `${speaker(i)}: ${['\u202E', '\u202B', '\u2067', '\u2066'][i % 4]}${sentence(i)}`)) },
    { name: 'long-line', what: 'a line of prose (characters)', n: 5_000, files: n => ({ 'line.minutes': longLine(n) }) },
    { name: 'long-word', what: 'one word without a space (characters)', n: 5_000, files: n => ({ 'word.minutes': longLine(n, 'word') }) },
    { name: 'long-chinese', what: 'Chinese without a space (characters)', n: 5_000, files: n => ({ 'cjk.minutes': longLine(n, 'cjk') }) },
    { name: 'envelope', what: 'from:, to: and cc: lines naming many people and addresses', n: 100, files: n => meeting(
        'meeting: Envelope', 'date: 2018-03-19', 'from: Sweep <sweep@example.org>', `to: ${times(n, i => i % 2 ? '@mcade' : `p${i}@example.org`).join(', ')}`,
        `cc: ${times(n, i => i % 2 ? `Name ${i} <n${i}@example.org>` : '@nhickson').join(', ')}`, '', 'Body.') }
];
