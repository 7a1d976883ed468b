import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../src/generated/ast.js';
import { generate, OUTPUT_FORMATS } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, type AgendaEntry, type ListEntry } from '../../src/generation/render-model.js';
import { MAX_NESTING_DEPTH } from '../../src/model/structure.js';
import { MAX_DOCUMENT_LENGTH } from '../../src/parser/minutes-lexer.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import type { Attribution } from '../../src/generation/attribution.js';
import { buildActionLedger } from '../../src/ledger/action-ledger.js';
// @ts-expect-error: plain JavaScript, shared with bench/pathological.mjs
import { commentLines, continuationLines, listShapes, turnShapes, smallDirectory, deepAgenda, deepList, deepNumberedAgenda, indentedLines, largeFile, longLine, longTitle, manyInterventions, manyMentions, sharedSurname } from './inputs.mjs';

/**
 * Pathological inputs, scaled down from the sizes of bench/pathological.mjs (a 50 MB file,
 * 100,000 interventions, an agenda 100 deep, 10,000 people of one surname) to sizes that
 * still show how the cost grows: each stage — build (parse, link, validate), the editor's
 * features on open, every generator — must take less than three times as long on an input
 * twice as large (a quadratic stage takes four times as long). Times are CPU times, the
 * best of two runs, so that other processes on the machine matter less. Sizes at which
 * recursion could overflow the stack are tested at full size or beyond.
 */

type Stage = 'build' | 'features' | 'generators';
type Files = Record<string, string>;

/**
 * Stages whose larger run takes less than this are too quick to time reliably on a busy
 * machine (a garbage collection, a function compiled): they pass. Every quadratic path these
 * tests guard took seconds at these sizes.
 */
const MEASURABLE_MS = 100;

interface Built {
    services: ReturnType<typeof createMinutesServices>;
    document: LangiumDocument<Document>;
    documents: Array<LangiumDocument<Document>>;
}

async function build(files: Files): Promise<Built> {
    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = Object.entries(files).map(([name, text]) => LangiumDocumentFactory.fromString<Document>(text, URI.file(`/pathological/${name}`)));
    for (const document of documents) LangiumDocuments.addDocument(document);
    await DocumentBuilder.build(documents, { validation: true });
    return { services, document: documents[documents.length - 1], documents };
}

/** The language features an editor asks for when a file opens, and completion and hover at its end. */
async function features({ services, document }: Built): Promise<void> {
    const lsp = services.Minutes.lsp;
    const id = { uri: document.uri.toString() };
    const token = CancellationToken.None;
    const text = document.textDocument.getText();
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const nearEnd = document.textDocument.positionAt(Math.max(0, text.trimEnd().length - 2));
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: id }, token);
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: id }, token);
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: id }, token);
    await lsp.InlayHintProvider!.getInlayHints(document, { textDocument: id, range: whole }, token);
    await lsp.Formatter!.formatDocument(document, { textDocument: id, options: { tabSize: 4, insertSpaces: true } }, token);
    await lsp.CodeActionProvider!.getCodeActions(document, { textDocument: id, range: whole, context: { diagnostics: document.diagnostics ?? [] } }, token);
    await lsp.CompletionProvider!.getCompletion(document, { textDocument: id, position: nearEnd }, token);
    await lsp.HoverProvider!.getHoverContent(document, { textDocument: id, position: nearEnd }, token);
}

/** Every output, with the ledger of every file (as `minutes generate` has it) and the given attribution. */
async function generators({ document, documents }: Built, attribution?: Attribution): Promise<string[]> {
    const outputs: string[] = [];
    for (const format of OUTPUT_FORMATS) {
        outputs.push(await generate(document, format, { from: 'Test <test@example.org>', date: '2018-03-19', ledger: buildActionLedger(documents), attribution }));
    }
    return outputs;
}

async function cpuMilliseconds(run: () => Promise<unknown>): Promise<number> {
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
}

/** CPU time of each stage on these files: the best of some runs. */
async function stageTimes(files: Files, runs = 2, attribution?: Attribution): Promise<Record<Stage, number>> {
    const best: Record<Stage, number> = { build: Infinity, features: Infinity, generators: Infinity };
    for (let run = 0; run < runs; run++) {
        let built: Built | undefined;
        best.build = Math.min(best.build, await cpuMilliseconds(async () => { built = await build(files); }));
        best.features = Math.min(best.features, await cpuMilliseconds(() => features(built!)));
        best.generators = Math.min(best.generators, await cpuMilliseconds(() => generators(built!, attribution)));
    }
    return best;
}

/**
 * Runs every stage on both inputs (which must not throw or overflow the stack) and logs
 * the CPU times. That each stage takes less than three times as long on the larger input
 * (twice the size) is asserted only with MINUTES_GROWTH_TESTS=1 (`node bench/pathological.mjs`
 * measures the full sizes): speed is judged by benchmarks, not by timed tests that a busy
 * machine can fail.
 */
const ASSERT_GROWTH = process.env.MINUTES_GROWTH_TESTS === '1';

async function expectLinear(what: string, small: Files, large: Files, attribution?: Attribution): Promise<void> {
    // A first run compiles what the stages run, so that the small input is not timed cold.
    await stageTimes(small, 1, attribution);
    const before = await stageTimes(small, 2, attribution);
    const after = await stageTimes(large, 2, attribution);
    const report = (Object.keys(before) as Stage[]).map(stage => `${stage} ${before[stage].toFixed(0)} → ${after[stage].toFixed(0)} ms`).join(', ');
    console.log(`${what}: ${report}`);
    for (const stage of Object.keys(before) as Stage[]) {
        if (!ASSERT_GROWTH || after[stage] < MEASURABLE_MS) continue;
        expect(after[stage] / Math.max(before[stage], 1), `${what}, ${stage}: ${report}`).toBeLessThan(3);
    }
}

function depthOf(entries: readonly (AgendaEntry | ListEntry)[]): number {
    let depth = 0;
    let level = entries;
    while (level.length > 0) {
        depth++;
        level = level[level.length - 1].children;
    }
    return depth;
}

describe('pathological inputs take time and memory in proportion to their size', () => {
    test('a large file of meetings (100 kB → 200 kB)', () =>
        expectLinear('large file', { 'large.minutes': largeFile(100_000) }, { 'large.minutes': largeFile(200_000) }));

    test('many interventions in one meeting (1,500 → 3,000)', () =>
        expectLinear('interventions', { 'session.minutes': manyInterventions(1_500) }, { 'session.minutes': manyInterventions(3_000) }));

    test('comment lines among prose (10,000 → 20,000 lines)', () =>
        expectLinear('comment lines', { 'comments.minutes': commentLines(10_000) }, { 'comments.minutes': commentLines(20_000) }));

    test('a file over the limit (10 MB) is not read at all, with an error that says so', async () => {
        const text = 'meeting: A very long report\n' + 'He said it again. '.repeat(MAX_DOCUMENT_LENGTH / 18 + 1);
        // That its work does not grow with its length: executed-work.test.ts.
        const { document } = await build({ 'huge.minutes': text });
        expect(document.parseResult.value.blocks).toEqual([]);
        expect(document.diagnostics?.map(diagnostic => [diagnostic.severity, diagnostic.range.start, diagnostic.message])).toEqual([[1, { line: 0, character: 0 },
            `This file has ${text.length.toLocaleString('en')} characters, more than the 10,000,000 characters (about 10 MB) that Minutes reads, so it is not read at all: split it into several files, one per meeting or per year.`]]);
    });

    test('150,000 comment lines in a row parse without overflowing the stack', async () => {
        const text = Array.from({ length: 150_000 }, (_, i) => `// ${i}`).join('\n') + '\nprose\n';
        const { document } = await build({ 'comments.minutes': text });
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.value.blocks).toHaveLength(1);
    });

    test('a 100,000-character line of prose, and one word of 100,000 characters', async () => {
        await expectLinear('long line', { 'line.minutes': longLine(50_000) }, { 'line.minutes': longLine(100_000) });
        await expectLinear('long word', { 'word.minutes': longLine(50_000, 'word') }, { 'word.minutes': longLine(100_000, 'word') });
        // Intl.Segmenter was quadratic over a long word: 80,000 emoji took 10 s to measure.
        await expectLinear('long emoji word', { 'emoji.minutes': longLine(50_000, 'emoji') }, { 'emoji.minutes': longLine(100_000, 'emoji') });
        await expectLinear('long accented word', { 'accents.minutes': longLine(50_000, 'accents') }, { 'accents.minutes': longLine(100_000, 'accents') });
        // Chinese without a space breaks between characters (UAX #14): a piece a character.
        await expectLinear('long Chinese run', { 'cjk.minutes': longLine(50_000, 'cjk') }, { 'cjk.minutes': longLine(100_000, 'cjk') });
        await expectLinear('long Chinese URL', { 'url.minutes': longLine(50_000, 'cjk-url') }, { 'url.minutes': longLine(100_000, 'cjk-url') });
        // Inline Markdown (issue 13): every emphasis opener, code run and link label is paired once.
        await expectLinear('long Markdown line', { 'markdown.minutes': longLine(50_000, 'markdown') }, { 'markdown.minutes': longLine(100_000, 'markdown') });
        // The word is never split: the email keeps it whole on a line of its own.
        const built = await build({ 'word.minutes': longLine(100_000, 'word') });
        expect(await generate(built.document, 'email')).toContain('x'.repeat(100_000));
        const url = longLine(100_000, 'cjk-url').match(/https:\S+/u)![0];
        expect((await generate((await build({ 'url.minutes': longLine(100_000, 'cjk-url') })).document, 'email')).split('\n')).toContain(url);
    });

    test('a title of 100,000 characters, pasted as one line: words, one word, dots', async () => {
        // The HTML <title> was cut word by word (quadratic), then with a regex that was quadratic on dots.
        for (const kind of ['words', 'word', 'dots']) {
            await expectLinear(`long title (${kind})`, { 'title.minutes': longTitle(50_000, kind) }, { 'title.minutes': longTitle(100_000, kind) });
        }
    });

    test('lines indented by thousands of spaces (5,000 → 10,000)', () =>
        // The formatter's trailing-blank regex tried every run of blanks: 8 MB of indentation took 17 s.
        expectLinear('indentation', { 'indented.minutes': indentedLines(200, 5_000) }, { 'indented.minutes': indentedLines(200, 10_000) }));

    test('hundreds of continuation lines after every kind of line that takes them (200 → 400; 10,000 in bench/pathological.mjs)', () =>
        // Issue 12: a hard-wrapped paragraph of any construct is one paragraph, however long.
        expectLinear('continuation', { 'wrapped.minutes': smallDirectory() + continuationLines(200) }, { 'wrapped.minutes': smallDirectory() + continuationLines(400) }));

    test('the list and heading shapes of issue 13, hundreds of times (300 → 600; 10,000 in bench/pathological.mjs)', () =>
        // A setext title is told from prose by its underline: the parser reads each line of prose to its end.
        expectLinear('list shapes', { 'shapes.minutes': smallDirectory() + listShapes(300) }, { 'shapes.minutes': smallDirectory() + listShapes(600) }));

    test('the turn shapes of issue 13, a hundred times (100 → 200; 2,000 in bench/pathological.mjs)', () =>
        // Each "The Chairman" finds its meeting's chair by a search over the meetings' starts; a joint turn of thousands is read once.
        expectLinear('turn shapes', { 'turns.minutes': smallDirectory() + turnShapes(100) }, { 'turns.minutes': smallDirectory() + turnShapes(200) }));

    test('thousands of unknown references in a name, fields, a date and an action header (2,000 → 4,000)', () =>
        // Each unknown name read the whole display name, or split the whole action header, again.
        expectLinear('mentions', { 'mentions.minutes': manyMentions(2_000) }, { 'mentions.minutes': manyMentions(4_000) }));

    test('a recipient line of thousands of colons is refused as no addresses, without overflowing the stack', async () => {
        const { document } = await build({ 'call.minutes': `meeting: Call\ndate: 2024-01-05\nto: ${':'.repeat(20_000)}\n` });
        await expect(generate(document, 'eml', { from: 'a@example.org' })).rejects.toThrow(/to: '::+…' is not a list of email addresses/);
    });

    test('an address line of 100,000 characters without a separator is refused as no addresses', async () => {
        // nodemailer's address parser is quadratic on such a run (80,000 characters: 7 s).
        const { document } = await build({ 'call.minutes': `meeting: Call\ndate: 2024-01-05\nto: ${'1.'.repeat(50_000)}\n` });
        // That nodemailer's parser never sees it: test/generation/envelope.test.ts.
        await expect(generate(document, 'eml', { from: 'a@example.org' })).rejects.toThrow(/is not a list of email addresses/);
    });

    test('10,000 people sharing a surname: 1,000 → 2,000 (some share their whole name)', async () => {
        const small = sharedSurname(1_000);
        const large = sharedSurname(2_000);
        await expectLinear('shared surname',
            { 'directory.minutes': small.directory, 'meeting.minutes': small.meeting },
            { 'directory.minutes': large.directory, 'meeting.minutes': large.meeting });
    });

    test('thousands of people with one name: linear, and each message names a few of them', async () => {
        const directory = (count: number) => Array.from({ length: count }, (_, i) => `person @js${i} John Smith\n  alias: Johnny\n`).join('\n');
        await expectLinear('one name', { 'directory.minutes': directory(1_000) }, { 'directory.minutes': directory(2_000) });
        const { document } = await build({ 'directory.minutes': directory(2_000) });
        const messages = (document.diagnostics ?? []).map(diagnostic => diagnostic.message);
        expect(messages.length).toBeGreaterThanOrEqual(2_000);
        expect(Math.max(...messages.map(message => message.length))).toBeLessThan(300);
        expect(messages[0]).toMatch(/ and 1996 more\.$/);
    });
});

describe('deep nesting never overflows the stack', () => {
    test.each([
        ['by indentation', deepAgenda],
        ['by multi-level numbers (1.1.1…)', deepNumberedAgenda]
    ])('an agenda nested 100 deep %s: every feature and output, the whole depth kept', async (_how, agenda: (depth: number) => string) => {
        const built = await build({ 'agenda.minutes': agenda(100) });
        await features(built);
        const [, , , json] = await generators(built);
        const outline = outlineOf(built.document.parseResult.value);
        const agendaBlock = flatten([...outline.blocks, ...outline.meetings.flatMap(meeting => meeting.blocks)]).find(block => block.kind === 'agenda');
        expect(agendaBlock && agendaBlock.kind === 'agenda' ? depthOf(agendaBlock.items) : 0).toBe(100);
        expect(json).toContain('Item at depth 100');
    });

    test('an agenda labelled 1.1.1… 1,000 deep (1 MB): every output in proportion to the input', async () => {
        // Nested items were indented by the sum of their ancestors' labels: the email of a
        // 170 kB agenda 400 deep had 60 million characters, and at 1 MB it ran out of memory.
        const text = deepNumberedAgenda(1_000);
        const built = await build({ 'agenda.minutes': text });
        const outputs = await generators(built);
        OUTPUT_FORMATS.forEach((format, i) => expect(outputs[i].length, format).toBeLessThan(20 * text.length));
    });

    test.each([
        ['an agenda', deepAgenda, 'Item at depth'],
        ['a bulleted list', deepList, 'Point at depth']
    ])('%s nested 2,000 deep (2 MB of indentation): every feature and output, nested no deeper than the limit', async (_what, nested: (depth: number) => string, words: string) => {
        const built = await build({ 'nested.minutes': nested(2_000) });
        await features(built);
        const outputs = await generators(built);
        // Email and eml wrap the words (at this depth, one a line); the others keep the phrase.
        OUTPUT_FORMATS.forEach((format, i) => {
            expect(format === 'email' || format === 'eml' ? /\b2000\b/.test(outputs[i]) : outputs[i].includes(`${words} 2000`), format).toBe(true);
        });
        const outline = outlineOf(built.document.parseResult.value);
        const blocks = flatten([...outline.blocks, ...outline.meetings.flatMap(meeting => meeting.blocks)]);
        const depths = blocks.flatMap(block => block.kind === 'agenda' ? [depthOf(block.items)] : block.kind === 'list' ? [depthOf(block.items as readonly ListEntry[])] : []);
        expect(Math.max(...depths)).toBe(MAX_NESTING_DEPTH);
    });
});
