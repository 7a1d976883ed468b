import fc from 'fast-check';

/**
 * Inputs for fuzzing Minutes: documents built from the constructs of docs/language.md,
 * text that notes really contain (pasted from PDFs and captioning systems, typed live on
 * a phone) and mutations of whole documents (insertions, deletions, truncations,
 * duplicated and swapped lines, changed line ends).
 */

/** Handles of a small directory that generated documents declare and refer to. */
export const HANDLES = ['mcade', 'ttropina', 'pfaltstrom', 'nhickson', 'ICANN', 'CoE', 'Russia'];

/** Characters and sequences that break naive text handling, each named for the report. */
export const AWKWARD_TEXT: readonly string[] = [
    'مرحبا بالعالم', // Arabic (right to left)
    'שלום עולם', // Hebrew (right to left)
    '\u202Egnp.exe\u202C', // right-to-left override
    '\u2066isolate\u2069\u200F', // bidi isolates and marks
    '👩🏽‍💻 🇨🇭 ❤️', // emoji: skin tone, zero-width joiner, flag, variation selector
    'é', 'n\u0303\u0303\u0303', 'Z\u0351\u0352\u0353\u0354\u0355', // combining marks
    '\u0000', // NUL
    '\uD800', '\uDFFF', 'a\uDC00b', // lone surrogates
    '\r', '\r\n', '\n', '\u2028', '\u2029', '\u0085', // line ends
    '\uFEFF', // byte order mark / zero-width no-break space
    '\t', '\u000B', '\u000C', '\u00A0', '\u3000', // white space
    '\u200B', '\u00AD', // zero width space, soft hyphen
    '\u001B[31m', // terminal escape
    '<script>document.title="pwned"</script>', '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    '{{x}}', '${x}', '%s%n', '\\', '\\\\', '\\@', '\\#', '@', '@@', '@{', '@{}', '}', '#', '##', '[', ']', ':', '::',
    '/*', '*/', '//', '---', '===', '>', '- ', '+ ', '1.', 'a.', 'i.', '(remote)', 'https://example.org/(a)', 'mailto:x@y.z',
    'Ａｂｃ', 'ﬁ', 'İstanbul', 'ß', 'Σίσυφος', '日本語の議事録', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'
];

/** Words and keys of the language that can start, or sit inside, a line. */
const KEYWORDS = [
    'meeting:', 'report:', 'date:', 'time:', 'venue:', 'chair:', 'summary:', 'attendees:', 'remote:', 'agenda:',
    'topics:', 'discussion:', 'questions:', 'conclusion:', 'conclusions:', 'decision:', 'next steps:', 'action',
    'update', 'person', 'org', 'country', 'alias:', 'aliases:', 'org:', 'role:', 'stakeholder:', 'due', 'done',
    'open', 'replying to', 'on behalf of', 'as',
    // Issue 13: other communities' outcome words and a formal record's metadata.
    'RESOLVED:', 'Consensus:', 'Hums:', 'symbol:', 'issued:', 'Original:'
];

/** Markdown's inline syntax (issue 13), whole and in pieces that never close. */
const MARKDOWN = [
    '**', '*', '`', '``', '[label](https://example.org/x)', '[', '](', '<https://example.org/y>', '`@@species`', '@@iterator',
    '![img](https://example.org/i.png)', '**strong**', '*emphasis*', '`code`'
];

const WORDS = [
    'the', 'meeting', 'noted', 'agreed', 'that', 'Internet', 'governance', 'multistakeholder', 'ICANN', 'IGF',
    'said', 'asked', 'about', 'report', 'e-commerce', 'Mr.', 'Dr', '2018', '15', '(ICANN Board)', 'etc.', '…',
    '—', '–', '“quoted”', "it's", 'U.S.', 'e.g.', 'i.e.', 'p.m.', 'CET', 'UTC', 'x@example.org'
];

/** A piece of inline text: words, references, URLs, comments, escapes and awkward characters. */
export const inlinePiece: fc.Arbitrary<string> = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...HANDLES).map(handle => `@${handle}`) },
    { weight: 1, arbitrary: fc.constantFrom('Marilyn', 'Tatiana Tropina', 'Patrik Faltstrom', 'Nobody Known').map(name => `@{${name}}`) },
    { weight: 1, arbitrary: fc.constantFrom('https://www.itu.int/net4/wsis/forum/2018/', 'http://example.org/a_(b)', 'mailto:chair@example.org') },
    { weight: 1, arbitrary: fc.constantFrom('/* aside */', '/* open', '*/') },
    { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN) },
    { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }
);

/** Inline text of a few pieces. */
export const inlineText: fc.Arbitrary<string> = fc.array(inlinePiece, { maxLength: 10 })
    .chain(pieces => fc.constantFrom(' ', '', '  ', '\t').map(separator => pieces.join(separator)));

const handle = fc.constantFrom(...HANDLES);
const reference = fc.oneof(handle.map(h => `@${h}`), fc.constantFrom('@{Marilyn Cade}', '@{Tatiana}', '@{Unknown Person}', '@?', '@nobody'));
const indent = fc.constantFrom('', '', '', '  ', '    ', '\t', '   ');
const date = fc.constantFrom('2018-03-19', '8 December 2016', '12-16 June 2017', '2018-06-12/2018-06-16', '2018-02-30', '31/12/2018', 'tomorrow');
const time = fc.constantFrom('16:30 – 18:00', '8:00-9:30 UTC', '09:00–10:45 CET', '25:00', '18:00-16:30', 'noon');
const label = fc.constantFrom('1.', '2.', '2.1', '2.1.3', '10)', 'a.', 'b.', 'i.', 'ii.', 'iv.', '-', '*', '•', '·');
const qualifier = fc.constantFrom(
    'replying to @mcade', 'in answer to @{Marilyn}', 'for @ICANN', 'on behalf of @CoE', 'presented by @nhickson',
    'as chair', 'remote', 'from the floor', 'at 00:01:23', 'something unknown', '');

/** One line of a Minutes document (without its line end), from any construct of the language. */
export const documentLine: fc.Arbitrary<string> = fc.oneof(
    { weight: 6, arbitrary: inlineText },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inlineText).map(([level, text]) => `${'#'.repeat(level)} ${text}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('1.', '2.', '2.1', '3. Contributions')).map(([level, n]) => `${'#'.repeat(level)} ${n} Section`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('meeting:', 'report:', 'event:', 'venue:', 'chair:', 'rapporteur:', 'greeting:', 'sign-off:', 'rule:', 'from:', 'to:', 'summary:', 'disclaimer:', 'attendance:', 'format:', 'link:'), inlineText).map(([key, value]) => `${key} ${value}`) },
    { weight: 2, arbitrary: date.map(value => `date: ${value}`) },
    { weight: 1, arbitrary: time.map(value => `time: ${value}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('person', 'org', 'country', 'delegation', 'office'), handle, inlineText).map(([kind, h, name]) => `${kind} @${h} ${name}`) },
    { weight: 2, arbitrary: fc.tuple(indent, fc.constantFrom('alias:', 'aliases:', 'org:', 'role:', 'honorific:', 'email:', 'stakeholder:', 'acronym:', 'website:', 'review:'), inlineText).map(([i, key, value]) => `${i}${key} ${value}`) },
    { weight: 2, arbitrary: fc.constantFrom('attendees:', 'participants:', 'remote:', 'absent:', 'apologies:', 'regrets:', 'speakers:', 'panel:', 'organisers:') },
    // Issue 13: group labels inside an attendee list, custom header fields.
    { weight: 1, arbitrary: fc.constantFrom('Representatives of specialized agencies:', '- Council:', 'Regrets:', "Proposer's Name: Ms. @mcade", 'Session Format: Round Table - 90 Min', 'Content of the Session:') },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('- ', '', '* '), reference, fc.constantFrom('', ' (remote)', ' (absent)', ', Director General', ' (ICANN Board)')).map(([b, r, note]) => `${b}${r}${note}`) },
    // One-line attendance lists: a list key or a group label, then names with notes and separators, perhaps unclosed or trailing.
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('attendees: ', 'regrets: ', 'Council: ', '- Observers: ', 'Présents : '),
        fc.array(fc.tuple(reference, fc.constantFrom('', ' (remote)', '[IRC_only]', ' (W3C', ' (@mcade)'), fc.constantFrom(', ', '; ', ' and ', ' & ', ', and ', ',', ' ')), { minLength: 1, maxLength: 5 }))
        .map(([head, names]) => head + names.map(([r, note, separator]) => `${r}${note}${separator}`).join('').trimEnd()) },
    // Lines of names that go on with a list wrapped from the line before (`@Marylène FOLCHER, …,`), indented under a bare key or not; a label in bold.
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '      ', '\t', '**Remote attendees:** ', '**In-person attendees:**'),
        fc.array(fc.tuple(reference, fc.constantFrom('', ' (remote)', '[IRC_only]', ' (W3C'), fc.constantFrom(', ', '; ', ' and ', ',', ': ')), { minLength: 1, maxLength: 4 }))
        .map(([head, names]) => head + names.map(([r, note, separator]) => `${r}${note}${separator}`).join('').trimEnd()) },
    { weight: 2, arbitrary: fc.constantFrom('agenda:', 'topics:', 'agenda: Draft') },
    { weight: 3, arbitrary: fc.tuple(indent, label, inlineText).map(([i, l, text]) => `${i}${l} ${text}`) },
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom('', '- '), reference, fc.option(fc.array(qualifier, { maxLength: 3 }).map(q => ` [${q.join(', ')}]`), { nil: '' }), fc.constantFrom(':', ': ', ' ', ''), inlineText).map(([b, r, q, colon, text]) => `${b}${r}${q}${colon}${text}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('presentations:', 'discussion:', 'questions:', 'q&a:', 'floor:', 'responses:'), inlineText).map(([key, title]) => `${key} ${title}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('conclusion:', 'conclusions:', 'decision:', 'decisions:', 'takeaway:', 'key takeaways:', 'next steps:', 'agreed:', 'key issues:'), inlineText).map(([key, text]) => `${key} ${text}`) },
    { weight: 2, arbitrary: fc.tuple(fc.option(fc.constantFrom('#report', '#a1', '#x.y-z'), { nil: '' }), fc.array(reference, { maxLength: 2 }), fc.option(date.map(d => `due ${d}`), { nil: '' }), fc.constantFrom('', 'open', 'done', 'dropped'), inlineText).map(([id, owners, due, status, text]) => `action ${[id, ...owners, due, status].filter(Boolean).join(' ')}: ${text}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('#report', '#a1', '#missing'), fc.constantFrom('', 'done', 'open'), inlineText).map(([id, status, text]) => `update ${id} ${status}: ${text}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('> ', '// ', '/* ', '\\# ', '\\1. ', '\\date: ', '\\@'), inlineText).map(([start, text]) => start + text) },
    { weight: 1, arbitrary: fc.constantFrom('---', '----', '*/', '') },
    // Issue 13's list and heading shapes: setext underlines, `+` bullets nested by tabs, lettered sub-items.
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('===', '======', '---', '-----', '  ----', '=== x', '==', '\t+ ', '+ ', '\t\t+ ', ' a. ', ' b) ', '+1 '), inlineText).map(([start, text]) => /^[ =-]+$/.test(start) ? start : start + text) },
    // Issue 13's turn shapes: numbered turns (`1. @x`, `1.1@x`), speakers by office, delegation or group, joint turns, narration.
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', '1. ', '2.1', '3) ', '  4. ', '1.1'), fc.constantFrom('@chair', '@{The Chairman}', '@MODERATOR', '@secretary', '@{The delegate of Russia}', '@{The representative of Narnia}', '@{Several participants}', '@everyone', '@{An hon. member}', '@mcade + @ttropina', '@mcade, @nhickson, @Russia', '@mcade/@{Unknown Person}', '@mcade and'), fc.constantFrom(':', ': ', ' ', '', ',:'), inlineText).map(([n, who, colon, text]) => `${n}${who}${colon}${text}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('narration:', 'narration: ', 'Narration :', '  narration:'), inlineText).map(([key, text]) => key + text) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'word ', '@mcade ', '— '), fc.integer({ min: 500, max: 6000 })).map(([unit, count]) => unit.repeat(count)) }
);

/** How lines are ended: mostly LF, sometimes CRLF or CR, or a mixture. */
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\n\n', '\r\n', '\r', '\n  \n');

/** A syntactically plausible Minutes document. */
export const generatedDocument: fc.Arbitrary<string> = fc.tuple(
    fc.constantFrom('', '', '', '\uFEFF'),
    fc.array(fc.tuple(documentLine, lineEnd), { maxLength: 40 }),
    fc.constantFrom('', '\n', '\r\n')
).map(([bom, lines, end]) => bom + lines.map(([line, eol]) => line + eol).join('') + end);

/** One edit of a text, as a function of that text. */
export type Mutation =
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'truncate'; at: number }
    | { kind: 'duplicate-line'; line: number }
    | { kind: 'swap-lines'; a: number; b: number }
    | { kind: 'line-ends'; eol: '\r\n' | '\r' | '\n' }
    | { kind: 'bom' };

/** Positions are fractions of the text's length, so that a mutation applies to any text. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fraction, fc.oneof(inlinePiece, documentLine.map(line => `\n${line}\n`))).map(([at, text]): Mutation => ({ kind: 'insert', at, text })) },
    { weight: 4, arbitrary: fc.tuple(fraction, fc.integer({ min: 1, max: 200 })).map(([at, length]): Mutation => ({ kind: 'delete', at, length })) },
    { weight: 1, arbitrary: fraction.map((at): Mutation => ({ kind: 'truncate', at })) },
    { weight: 2, arbitrary: fraction.map((line): Mutation => ({ kind: 'duplicate-line', line })) },
    { weight: 2, arbitrary: fc.tuple(fraction, fraction).map(([a, b]): Mutation => ({ kind: 'swap-lines', a, b })) },
    { weight: 1, arbitrary: fc.constantFrom<Mutation>({ kind: 'line-ends', eol: '\r\n' }, { kind: 'line-ends', eol: '\r' }, { kind: 'line-ends', eol: '\n' }, { kind: 'bom' }) }
);

/** Applies mutations in order. Fractions index characters (UTF-16 units, so surrogate pairs get split too) or lines. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
    let result = text;
    for (const m of mutations) {
        const at = (f: number, length: number) => Math.min(length, Math.floor(f * (length + 1)));
        switch (m.kind) {
            case 'insert': {
                const i = at(m.at, result.length);
                result = result.slice(0, i) + m.text + result.slice(i);
                break;
            }
            case 'delete': {
                const i = at(m.at, result.length);
                result = result.slice(0, i) + result.slice(i + m.length);
                break;
            }
            case 'truncate':
                result = result.slice(0, at(m.at, result.length));
                break;
            case 'duplicate-line': {
                const lines = result.split('\n');
                const i = Math.min(lines.length - 1, at(m.line, lines.length));
                lines.splice(i, 0, lines[i]);
                result = lines.join('\n');
                break;
            }
            case 'swap-lines': {
                const lines = result.split('\n');
                const a = Math.min(lines.length - 1, at(m.a, lines.length));
                const b = Math.min(lines.length - 1, at(m.b, lines.length));
                [lines[a], lines[b]] = [lines[b], lines[a]];
                result = lines.join('\n');
                break;
            }
            case 'line-ends':
                result = result.replace(/\r\n|\r|\n/g, m.eol);
                break;
            case 'bom':
                result = '\uFEFF' + result;
                break;
        }
    }
    return result;
}

/** A text and some mutations of it. */
export function mutated(base: fc.Arbitrary<string>, maxMutations = 6): fc.Arbitrary<string> {
    return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([text, mutations]) => mutate(text, mutations));
}

/** Where to ask the language services something: a fraction of the text, or somewhere past it. */
export const probe = fc.record({
    at: fraction,
    /** Sometimes a position past the end of its line or of the document, as a stale client sends. */
    overshoot: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }) }),
    length: fc.integer({ min: 0, max: 80 })
});
export type Probe = typeof probe extends fc.Arbitrary<infer T> ? T : never;

/** A line of a transcript as captioning systems, WebVTT files and chat logs write them. */
const transcriptLine: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('>> MODERATOR:', '>> MARCUS KUMER:', '>> SANDRA HOFERICHTER:', '>>', '>> PARTICIPANT:', '>> Dr. Jane O\'Neil:'), inlineText).map(([label, text]) => `${label} ${text}`) },
    { weight: 4, arbitrary: inlineText },
    { weight: 1, arbitrary: fc.constantFrom('WEBVTT', 'WEBVTT - captions', 'NOTE a note', 'STYLE', '1', '') },
    { weight: 2, arbitrary: fc.tuple(fc.nat({ max: 5999 }), fc.nat({ max: 999 })).map(([s, ms]) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(ms).padStart(3, '0')} --> 01:00:00.000 align:start`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('<v Marcus Kummer>', '<v.loud Jane>', '<c.yellow>', '<b>', '<v>'), inlineText).map(([tag, text]) => `${tag}${text}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('10:02:03 From Marilyn Cade to Everyone :', '[10:02] <nick>', '2018-11-12 10:02 Jane:', '10:02:03 From  To Everyone:'), inlineText).map(([stamp, text]) => `${stamp} ${text}`) }
);

/** A transcript to import: captions, WebVTT, a chat log, or a mixture, with any line ends. */
export const transcript: fc.Arbitrary<string> = fc.tuple(
    fc.array(transcriptLine, { maxLength: 40 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n')
).map(([lines, eol]) => lines.join(eol));
