// Pathological Minutes inputs, built to a size: the tests in this folder use them scaled
// down (to show that the cost grows linearly), bench/pathological.mjs at full size
// (a 50 MB file, 100,000 interventions, a 100,000-character line, an agenda nested 100
// deep, 10,000 people sharing a surname). Plain JavaScript, so that both can import it.

const FIRST_NAMES = [
    'Anna', 'Bruno', 'Chen', 'Dalia', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jana', 'Kofi', 'Lena', 'Mateo',
    'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sami', 'Tariq', 'Ulla', 'Vera', 'Wen', 'Ximena', 'Yusuf', 'Zofia'
];

const SENTENCES = [
    'He noted that the multistakeholder model had served the Internet well.',
    'She asked whether the IGF could produce more tangible outcomes — and who would follow them up.',
    'The chair thanked the panel and opened the floor for questions (15 minutes remained).',
    'It was agreed that the secretariat would circulate a draft by 2 April; see https://www.intgovforum.org/ for details.',
    'Participants disagreed on whether “enhanced cooperation” required a new body.',
    'Il a rappelé que la gouvernance de l’Internet concerne toutes les parties prenantes.'
];

/** A small directory that the generated meetings refer to. */
export function smallDirectory() {
    return [
        'person @mcade Ms Marilyn Cade', '  alias: Marilyn', '  org: @ICANN', '',
        'person @nhickson Nigel Hickson', '  org: @ICANN', '',
        'person @ttropina Tatiana Tropina', '  alias: Tatiana', '',
        'org @ICANN Internet Corporation for Assigned Names and Numbers', '  acronym: ICANN', '  stakeholder: technical community', ''
    ].join('\n');
}

/**
 * A realistic file of about `bytes` characters: meeting after meeting with metadata,
 * attendees, an agenda, turns with mentions and bullets, outcomes and actions.
 */
export function largeFile(bytes) {
    const parts = [smallDirectory(), 'report: A year of meetings', ''];
    let size = parts.join('\n').length;
    for (let m = 1; size < bytes; m++) {
        const meeting = [
            `# ${m}. Meeting ${m}`, '',
            `meeting: Working group call ${m}`,
            `date: 2018-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`,
            'time: 14:00-15:30 UTC',
            'chair: @mcade',
            'attendees:', '- @mcade', '- @nhickson (remote)', '- @ttropina', '',
            'agenda:', '1. Welcome', '2. Reports', '   a. Secretariat', '   b. Members', '3. Any other business', '',
            `@mcade: ${SENTENCES[m % SENTENCES.length]} @Tatiana agreed.`,
            SENTENCES[(m + 1) % SENTENCES.length], '',
            `@nhickson [replying to @mcade]: ${SENTENCES[(m + 2) % SENTENCES.length]}`,
            `- ${SENTENCES[(m + 3) % SENTENCES.length]}`,
            `- ${SENTENCES[(m + 4) % SENTENCES.length]}`, '',
            `@Tatiana noted ${SENTENCES[(m + 5) % SENTENCES.length]}`, '',
            `decision: ${SENTENCES[m % SENTENCES.length]}`,
            `action #a${m} @nhickson due 2019-01-31: Circulate the notes of call ${m}.`, ''
        ].join('\n');
        parts.push(meeting);
        size += meeting.length + 1;
    }
    return parts.join('\n');
}

/** One meeting with `count` interventions, speakers taking turns. */
export function manyInterventions(count) {
    const speakers = ['@mcade', '@nhickson', '@ttropina', '@Marilyn'];
    const lines = [smallDirectory(), 'meeting: A long session', 'date: 2018-11-12', 'attendees:', '- @mcade', '- @nhickson', '- @ttropina', ''];
    for (let i = 0; i < count; i++) {
        lines.push(`${speakers[i % speakers.length]}: ${SENTENCES[i % SENTENCES.length]}`, '');
    }
    return lines.join('\n');
}

/**
 * One line of `length` characters, as pasted from a PDF without line breaks: words, with a
 * mention and a URL now and then (`kind: 'prose'`), or a single unbroken word (`'word'`).
 */
export function longLine(length, kind = 'prose') {
    let line;
    if (kind === 'word' || kind === 'emoji' || kind === 'accents' || kind === 'cjk' || kind === 'cjk-url') {
        // One run without a space: of letters, of emoji (two UTF-16 units each), of accented
        // letters, of Chinese (a break opportunity between each two characters), and a URL
        // of Chinese (opportunities, none of them taken).
        const unit = { word: 'x', emoji: '😀', accents: 'e\u0301', cjk: '会议记录。', 'cjk-url': '会议记录/' }[kind];
        const head = kind === 'cjk-url' ? 'https://例子.中国/' : '';
        line = head + unit.repeat(Math.ceil(length / unit.length)).slice(0, length - head.length);
    } else if (kind === 'markdown') {
        // Inline Markdown that nests and never closes: openers of emphasis, code runs of every
        // length up to 40 backticks, and link labels before URLs (issue 13).
        const pieces = [];
        let size = 0;
        for (let i = 0; size < length; i++) {
            const piece = ['*a', '**b', '`'.repeat(i % 40 + 1) + 'c', '[d](https://example.org/e)', '<https://example.org/f>', 'g*'][i % 6];
            pieces.push(piece);
            size += piece.length + 1;
        }
        line = pieces.join(' ').slice(0, length);
    } else {
        const pieces = [];
        let size = 0;
        for (let i = 0; size < length; i++) {
            const piece = i % 50 === 0 ? '@mcade' : i % 77 === 0 ? 'https://example.org/a' : SENTENCES[i % SENTENCES.length];
            pieces.push(piece);
            size += piece.length + 1;
        }
        line = pieces.join(' ').slice(0, length);
    }
    return `${smallDirectory()}\nmeeting: One long line\ndate: 2018-03-19\n\n@mcade: ${line}\n`;
}

/** An agenda whose items nest `depth` deep, by indentation (one more space per level). */
export function deepAgenda(depth) {
    const lines = ['meeting: A deep agenda', 'date: 2018-03-19', 'agenda:'];
    for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i)}- Item at depth ${i + 1}`);
    return lines.join('\n') + '\n';
}

/** A bulleted list in a turn whose items nest `depth` deep, by indentation. */
export function deepList(depth) {
    const lines = ['meeting: A deep list', 'date: 2018-03-19', '', '@? said:'];
    for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i)}- Point at depth ${i + 1}`);
    return lines.join('\n') + '\n';
}

/** An agenda nested `depth` deep by multi-level numbers: 1., 1.1, 1.1.1, … */
export function deepNumberedAgenda(depth) {
    const lines = ['meeting: A deep agenda', 'date: 2018-03-19', 'agenda:'];
    for (let i = 1; i <= depth; i++) lines.push(`${Array(i).fill('1').join('.')}${i === 1 ? '.' : ''} Item at depth ${i}`);
    return lines.join('\n') + '\n';
}

/**
 * A directory of `count` people who share a surname (first names repeat, so some share
 * their whole name), and a meeting that mentions some of them, by handle, by name and
 * misspelt.
 */
export function sharedSurname(count) {
    const lines = [];
    for (let i = 0; i < count; i++) {
        const first = FIRST_NAMES[i % FIRST_NAMES.length];
        const initial = String.fromCharCode(65 + Math.floor(i / FIRST_NAMES.length) % 26);
        lines.push(`person @smith${i} ${first} ${initial}. Smith`, `  org: @ACME`, '');
    }
    lines.push('org @ACME Acme Corporation', '');
    const directory = lines.join('\n');
    const meeting = ['meeting: The Smiths', 'date: 2018-03-19', 'attendees:'];
    for (let i = 0; i < Math.min(count, 50); i++) meeting.push(`- @smith${i * 7 % count}`);
    meeting.push('');
    for (let i = 0; i < Math.min(count, 50); i++) {
        meeting.push(`@smith${i * 7 % count}: I agree with @{${FIRST_NAMES[i % FIRST_NAMES.length]} A. Smith} and @{Smyth}.`, '');
    }
    return { directory, meeting: meeting.join('\n') };
}

/** `count` lines of prose, each followed by a comment line, and a run of comments at the end. */
export function commentLines(count) {
    const lines = ['meeting: A commented file', 'date: 2018-03-19', ''];
    for (let i = 0; i < count / 2; i++) lines.push(SENTENCES[i % SENTENCES.length], `// note ${i}: check this against the recording`);
    for (let i = 0; i < Math.min(count / 2, 150_000); i++) lines.push(`// trailing note ${i}`);
    return lines.join('\n') + '\n';
}

/** A meeting whose title (and a heading) is one line of `length` characters: words, one word, or dots. */
export function longTitle(length, kind = 'words') {
    const unit = kind === 'word' ? 'x' : kind === 'dots' ? '.' : 'word ';
    const title = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    return `meeting: ${title}\ndate: 2018-03-19\n\n# ${title}\n\nNotes.\n`;
}

/** `count` prose lines each indented by `width` spaces and ended by spaces too, as pasted from a PDF. */
export function indentedLines(count, width) {
    const lines = ['meeting: Indented', 'date: 2018-03-19', ''];
    for (let i = 0; i < count; i++) lines.push(`${' '.repeat(width)}${SENTENCES[i % SENTENCES.length]}${' '.repeat(width % 7)}`);
    return lines.join('\n') + '\n';
}

/**
 * `count` references written where each is looked at with the rest of its line: in a
 * person's name and fields, in an action's header, in a date line, none of them known.
 */
export function manyMentions(count) {
    const refs = Array.from({ length: count }, (_, i) => `@n${i % 97}`).join(' ');
    return [
        `person @p ${refs}`, `  role: ${refs}`, `  org: ${refs}`, '',
        'meeting: Mentions', `date: ${refs}`, `action #a ${refs}: do it`, ''
    ].join('\n');
}

/** `count` people in a directory (`@p0` … with one organisation), as a text of entries. */
export function people(count, extra = () => []) {
    const lines = [];
    for (let i = 0; i < count; i++) {
        lines.push(`person @p${i} ${FIRST_NAMES[i % FIRST_NAMES.length]} Person${i}`, '  org: @ACME', ...extra(i), '');
    }
    lines.push('org @ACME Acme Corporation', '  stakeholder: private sector', '');
    return lines.join('\n');
}

/** `count` meetings of one group, each agreeing an action nobody reports on: each meeting's "Actions from earlier meetings" grows. */
export function seriesOpenActions(count) {
    const lines = [smallDirectory(), 'report: A year of calls', ''];
    for (let m = 0; m < count; m++) {
        const day = new Date(Date.UTC(2018, 0, 1 + m)).toISOString().slice(0, 10);
        lines.push(`meeting: Call ${m}`, 'group: Working group', `date: ${day}`, '', `@mcade: ${SENTENCES[m % SENTENCES.length]}`, '',
            `action #a${m} @nhickson: Circulate the notes of call ${m}.`, '');
    }
    return lines.join('\n');
}

/** `count` actions that share one identifier (every one a duplicate-action-id error). */
export function duplicateActionIds(count) {
    const lines = [smallDirectory(), 'meeting: One id', 'date: 2018-03-19', ''];
    for (let i = 0; i < count; i++) lines.push(`action #same @mcade: Do the thing ${i}.`);
    return lines.join('\n') + '\n';
}

/** An action, then a later meeting with `count` updates of it. */
export function updatesOfOneAction(count) {
    const lines = [smallDirectory(), 'meeting: Agreed', 'group: G', 'date: 2018-03-19', '', 'action #plan @mcade: Write the plan.', '',
        'meeting: Reported', 'group: G', 'date: 2018-04-19', ''];
    for (let i = 0; i < count; i++) lines.push(`update #plan${i % 50 === 49 ? ' moved 2018-06-01' : ''}: Progress ${i}.`);
    return lines.join('\n') + '\n';
}

/** `count` actions without an identifier and with the same text (derived ids -2, -3, …). */
export function sameTextActions(count) {
    const lines = [smallDirectory(), 'meeting: Same', 'date: 2018-03-19', ''];
    for (let i = 0; i < count; i++) lines.push('action @mcade: Circulate the report.');
    return lines.join('\n') + '\n';
}

/** `count` headings with the same text (anchors -2, -3, …). */
export function sameHeadings(count) {
    const lines = ['meeting: Headings', 'date: 2018-03-19', ''];
    for (let i = 0; i < count; i++) lines.push('## Notes', '', SENTENCES[i % SENTENCES.length], '');
    return lines.join('\n');
}

/** A meeting whose attendee list names `count` people of the directory. */
export function manyAttendees(count) {
    const meeting = ['meeting: A large meeting', 'date: 2018-03-19', 'attendees:'];
    for (let i = 0; i < count; i++) meeting.push(`- @p${i}${i % 3 === 0 ? ' (remote)' : ''}`);
    meeting.push('', '@p0: Welcome.', '');
    return { directory: people(count), meeting: meeting.join('\n') };
}

/**
 * One-line attendance lists: a list key whose text names `count` people on one line (with
 * notes and every separator), then `count` group labels each with a one-line list, a name
 * left unknown in each, and the first people speaking.
 */
export function oneLineAttendance(count) {
    const separators = [', ', '; ', ' and ', ' & ', ', and '];
    const names = Array.from({ length: count }, (_, i) => `@p${i}${i % 4 === 0 ? ' (remote)' : i % 4 === 1 ? ' [ACME]' : ''}`);
    const list = names.map((name, i) => (i === 0 ? '' : separators[i % separators.length]) + name).join('');
    const meeting = ['meeting: One-line lists', 'date: 2018-03-19', '', `present: ${list}`, 'attendees:'];
    for (let i = 0; i < count; i++) meeting.push(`Group ${i}: @p${i}, @p${(i + 1) % count} (remote) and @Unknown${i}`);
    meeting.push('', ...Array.from({ length: Math.min(count, 20) }, (_, i) => `@p${i}: ${SENTENCES[i % SENTENCES.length]}`), '');
    return { directory: people(count), meeting: meeting.join('\n') };
}

/**
 * Attendance lists wrapped onto lines that start with a name (docs/language.md, "Wrapped
 * lists"): a roster key's list over `count` lines that end in a comma; a bare `Present:` over
 * `count` indented lines of names; `count` group labels, each list over two lines; and a label's
 * list left unclosed, `count` lines of names that end in a comma followed by words, which keep
 * the label prose and the lines of names prose too.
 */
export function wrappedAttendance(count) {
    const line = (i, end) => `@p${i}, @p${(i + 1) % count}${i % 3 === 0 ? ' (remote)' : i % 3 === 1 ? '[ACME]' : ''}${end}`;
    const meeting = ['meeting: Wrapped lists', 'date: 2018-03-19', '', 'Notes of the call.', '', 'attendees: @p0,'];
    for (let i = 0; i < count; i++) meeting.push(line(i, i < count - 1 ? ',' : ''));
    meeting.push('', 'Present:');
    for (let i = 0; i < count; i++) meeting.push(`      ${line(i, i < count - 1 ? ',' : '')}`);
    meeting.push('', 'attendees:');
    for (let i = 0; i < count; i++) meeting.push(`Group ${i}: @p${i}, @p${(i + 1) % count},`, `@p${(i + 2) % count} and @p${(i + 3) % count}`);
    meeting.push('Unclosed: @p0,');
    for (let i = 0; i < count; i++) meeting.push(line(i, ','));
    meeting.push('and others', '', ...Array.from({ length: Math.min(count, 20) }, (_, i) => `@p${i}: ${SENTENCES[i % SENTENCES.length]}`), '');
    return { directory: people(count), meeting: meeting.join('\n') };
}

/** A meeting where `count` different people speak. */
export function manySpeakers(count) {
    const meeting = ['meeting: Many voices', 'date: 2018-03-19', ''];
    for (let i = 0; i < count; i++) meeting.push(`@p${i}: ${SENTENCES[i % SENTENCES.length]}`, '');
    return { directory: people(count), meeting: meeting.join('\n') };
}

/** One paragraph with `count` mentions (read "a participant from …" below full attribution). */
export function mentionsInParagraph(count) {
    const words = [];
    for (let i = 0; i < count; i++) words.push(i % 3 === 0 ? `@mcade said,` : i % 3 === 1 ? '@Tatiana agreed with' : '@nhickson.');
    return `${smallDirectory()}\nmeeting: Mentions\ndate: 2018-03-19\n\n@mcade: ${words.join(' ')}\n`;
}

/** Bidi embeddings, then isolates, opened `count` times, then text, then closed `count` times, in a turn. */
export function bidiEmbeddings(count) {
    const nested = (open, close) => `${open.repeat(count)}نص${close.repeat(count)}`;
    return `${smallDirectory()}\nmeeting: Embeddings\ndate: 2018-03-19\n\n@mcade: ${nested('\u202B', '\u202C')} and ${nested('\u2067', '\u2069')} done.\n`;
}

/** `count` directory entries marked `review:` (each with its quick fixes), and a meeting naming them. */
export function reviewEntries(count) {
    const directory = people(count, i => [`  review: imported from call.txt; confirm or link (${i})`]);
    const meeting = ['meeting: Imported', 'date: 2018-03-19', ''];
    for (let i = 0; i < Math.min(count, 200); i++) meeting.push(`@p${i}: Hello.`, '');
    return { directory, meeting: meeting.join('\n') };
}

/**
 * Hard-wrapped text (issue 12): `count` continuation lines after each kind of line that
 * takes them — a turn, a narrated turn, a bullet turn, a decision, an action, an indented
 * header field, an attendee, an agenda item, a list item (indented and not) — and an
 * unclosed bracket after a name on every line of a turn, so that each line is one
 * paragraph thousands of lines long.
 */
export function continuationLines(count) {
    const lines = (prefix = '') => Array.from({ length: count }, (_, i) => prefix + SENTENCES[i % SENTENCES.length]);
    return [
        'meeting: Hard-wrapped', ...lines('  '), 'date: 2018-03-19', '',
        'attendees:', '- @mcade (ICANN)', ...lines('  '), '',
        'agenda:', '1. Welcome', ...lines('   '), '',
        '@mcade: We should establish', ...lines(), '',
        '@Marilyn noted that', ...lines(), '',
        '- @nhickson: good progress', ...lines('  '), '',
        '@ttropina [replying to @mcade: never closed', ...lines(), '',
        'decision: The group adopts', ...lines(), '',
        'action #a1 @nhickson: Circulate', ...lines(), '',
        '- a point', ...lines(), '- another', ...lines('    '), ''
    ].join('\n');
}

/**
 * The list and heading shapes of issue 13, `count` times: a header of `count` custom fields,
 * then `count` meetings with custom fields, setext headings (`===` and `---`
 * under a line, and under a `#` heading), a title of mentions and links that its underline
 * ends, `+` bullets nested by tabs, lettered sub-items under a bullet, bullets that start with a
 * speaker inside a list (`  * @mcade has created…`, a turn that stays an item); then a line of
 * prose `count` mentions long with no underline (the parser reads to its end to tell it from a
 * title), `count` underlines with nothing to underline, one list of `count` items each with a
 * bullet turn under it, and an attendee list of `count` groups.
 */
export function listShapes(count) {
    const lines = ['meeting: List shapes', 'date: 2018-03-19', ...Array.from({ length: count }, (_, i) => `Custom Field ${i}: value ${i}`), ''];
    for (let i = 0; i < count; i++) {
        lines.push(
            `meeting: Part ${i}`, `Session Format: Round Table ${i}`, `Proposer's Name: @mcade`, '  and @Tatiana', 'organisers:', '- @mcade', '- @ICANN', '');
        lines.push(
            `Part ${i}`, '======', '', `# Notes ${i}`, '-----', '', `@mcade and https://example.org/${i} @Tatiana`, '---', '',
            `* Point ${i}`, `\t+ ${SENTENCES[i % SENTENCES.length]}`, `\t\t- detail`, `- develop processes to`, ' a. respond', ' b. act', '',
            `* Tracking issue ${i}`, '  * @mcade has created a stub, @Tatiana', '    will edit.', '    - @nhickson: agreed', '  * Runtime deprecation landed.', '* Next item', ''
        );
    }
    lines.push(Array.from({ length: count }, () => '@mcade').join(' and '), '', ...Array.from({ length: count }, () => '====='), '');
    for (let i = 0; i < count; i++) lines.push(`- Item ${i}`, `  + @Tatiana: reply ${i}`, `    + detail ${i}`);
    lines.push('');
    // An attendee list of `count` groups, each label after a blank line, and one label with `count` names under it.
    lines.push('attendees:');
    for (let i = 0; i < count; i++) lines.push('', `Group ${i}:`, '@mcade (remote)', '- @Tatiana');
    lines.push('', 'One large group:', ...Array.from({ length: count }, () => '@nhickson'), '');
    return lines.join('\n');
}

/**
 * The turn shapes of issue 13, `count` times: numbered turns by office and delegation (`1.
 * @{The Chairman}`, `1.1@{The delegate of ICANN}`) with numbered paragraphs after them, a
 * group, a joint turn, `narration:`, a paragraph two blank lines after a turn (the hint), then
 * `count` meetings that each name a chair (each "The Chairman" resolves in its own meeting), a
 * joint turn of `count` speakers on one line, and `count` numbered paragraphs in one turn.
 */
export function turnShapes(count) {
    const lines = ['meeting: Turn shapes', 'date: 2018-03-19', 'chair: @mcade', ''];
    for (let i = 0; i < count; i++) {
        lines.push(
            `${i + 1}. @{The Chairman} said ${SENTENCES[i % SENTENCES.length]}`, '', `${i + 2}. She added a point.`, '',
            `${i + 1}.1@{The delegate of ICANN} introduced document ${i}.`, '',
            '@{Several participants} agreed.', '', '@mcade + @nhickson:', 'We agree.', '',
            'narration:', `As you can see, option ${i} remains.`, '',
            '@ttropina: one more thing', '', '', `A paragraph ${i} set apart.`, '',
            'regrets: @ttropina', '', 'Chair:', '      @mcade, @nhickson', '',
            `- @mcade/@nhickson will circulate draft ${i}`, `@ttropina/@mcade PR ${i}`, ''
        );
    }
    for (let i = 0; i < count; i++) lines.push(`meeting: Sitting ${i}`, 'date: 2018-03-19', i % 2 ? 'chair: @mcade' : 'chair: @nhickson', '', '@{The Chairman}: Good morning.', '');
    lines.push(['@mcade', ...Array.from({ length: count }, () => '@nhickson')].join(', ') + ': Perfect!', '');
    lines.push('1. @ttropina said', ...Array.from({ length: count }, (_, i) => `${i + 2}. Paragraph ${i} of her statement.`), '');
    // An action of as many joint owners, and a line of as many joined names that says neither.
    lines.push(['@mcade', ...Array.from({ length: count }, () => '@nhickson')].join('/') + ' will close it.', '');
    lines.push(['@mcade', ...Array.from({ length: count }, () => '@nhickson')].join(' + ') + ' PR', '');
    return lines.join('\n');
}
