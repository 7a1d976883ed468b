import { readFileSync } from 'node:fs';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, URI, type LangiumDocument, type ParseResult } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isParty, type Document } from '../../src/generated/ast.js';
import { generate, OUTPUT_FORMATS } from '../../src/generation/index.js';
import { createMinutesServices } from '../../src/minutes-module.js';
import { blockEditOf, changedRange, IncrementalReparser, lineStartsOf } from '../../src/parser/incremental-reparser.js';
import { INITIAL_STATE, MinutesLexer } from '../../src/parser/minutes-lexer.js';
import type { MinutesDocumentFactory } from '../../src/workspace/minutes-document-factory.js';
import type { MinutesLinker } from '../../src/scoping/minutes-linker.js';
import { chunksOf, structureCounts, structureOf } from '../../src/model/structure.js';
import type { MinutesDocumentValidator } from '../../src/validation/minutes-document-validator.js';
import { documentLine, generatedDocument, inlinePiece } from '../fuzz/arbitraries.js';
import { EXAMPLES_FOLDER } from '../helpers/examples.js';
import { syntaxTreeOf } from '../helpers/syntax-tree.js';

/**
 * Incremental reparsing (parser/incremental-reparser.ts) against a full parse of the same
 * text: random edits of documents give the same syntax tree, the same diagnostics and the
 * same outputs. `npm test` runs a few hundred edits; INCREMENTAL_RUNS=N runs N sequences
 * of edits per property (thousands for a long run).
 */
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 0) || undefined;
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20180319);
/** A long run's time limit for the tests of long documents (each edit is parsed, validated and generated twice). */
const LONG_RUN_TIMEOUT = RUNS ? 60_000 + RUNS * 5_000 : undefined;

const example = (name: string) => readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8');
/** The first lines of a text, up to about `length` characters. */
const head = (text: string, length: number) => text.slice(0, text.indexOf('\n', length) + 1 || text.length);
/** Every construct whose meaning reaches over lines: entries, header folding, rosters, agendas, continuations, actions. */
const CONSTRUCTS = `person @mcade Marilyn Cade
  role: chair
  alias: Marilyn
org @ICANN ICANN

meeting: First call
date: 2018-03-19
venue: Geneva,
  Palais des Nations
attendees:
- @mcade (ICANN Board)
- @ttropina

agenda:
1. Opening
2. Report

# Opening

@mcade: Opened the call
and welcomed everyone (mail first_@mcade).
@ttropina [replying to @mcade]: Agreed.
action #a1 @mcade due 2018-04-01: circulate the report
to the list.
action @ttropina: draft a reply
decision: adopted

---
meeting: Second call
date: 2018-04-19

update #a1 done: sent
@ttropina said the reply was drafted.
`;

/**
 * A report of many meetings, long enough (more than 256 blocks) that its structure and its
 * checks are kept chunk by chunk across edits (model/structure.ts, validation/kept-checks.ts),
 * with something for every kind of check to say: unknown speakers, a mistyped qualifier, a
 * header key in the body, actions without owner or identifier or due before their meeting,
 * updates of actions agreed in other meetings, an agenda out of order.
 */
const LONG = CONSTRUCTS + Array.from({ length: 12 }, (_, k) => `
---
meeting: Call ${k + 3}
date: 2018-0${(k % 9) + 1}-19
chair: @mcade
attendees:
- @mcade
- @ttropina (remote)

agenda:
1. Opening
3. Close

# ${k + 1}. Opening

@mcade: Opened call ${k + 3}.
@ttropina [replyin to @mcade]: Agreed.
@nobody${k}: Spoke.

Slides: none.

discussion: Round ${k}
@mcade: A point.
@{The Chair}: Another.

action #c${k} @ttropina due 2018-01-01: circulate the notes.
action: unowned ${k}
update #${k === 0 ? 'a1' : `c${k - 1}`} done: circulated
decision: adopted ${k}

## ${k + 1}.1 Details

Prose line one
continues here.

1. a list
2. of items
`).join('');

const BASES = [
    CONSTRUCTS,
    head(example('wgec-final-meeting-2018.minutes'), 3000),
    head(example('ccwg-ig-wsis-forum-2018.minutes'), 3000),
    head(example('directory.minutes'), 3000),
    head(example('igf-2018-ws224-transcript.minutes'), 3000),
    head(example('ccwg-ig-annual-report-2017.minutes'), 3000).replace(/\n/g, '\r\n')
];

/** What is typed or pasted at a place of the text. */
const insertion = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('x', ' ', 'e', ':', '@', '#', '-', '[', ']', '\\', '*', '/', '>', '1.', '\t', '\u00A0') },
    { weight: 4, arbitrary: fc.constantFrom('\n', '\r\n', '\n\n', '\n  \n', '\r', '---\n', '\n---\n', '  ') },
    { weight: 3, arbitrary: fc.constantFrom('@mcade', '@{Marilyn Cade}', '@ttropina:', '@nobody ', 'date: 2018-03-19\n', 'meeting: Another\n',
        'attendees:\n', 'agenda:\n', 'person @zz Zed Zee\n', '  role: chair\n', 'alias: Z\n', 'action #a1 @mcade: circulate\n',
        'update #a1 done: sent\n', 'a_@mcade ', '/*', '*/', '// note\n', '# Heading\n', 'conclusion: agreed\n', 'discussion: Round\n') },
    { weight: 3, arbitrary: inlinePiece },
    { weight: 2, arbitrary: fc.tuple(documentLine, fc.constantFrom('\n', '\r\n', '\n\n')).map(([line, end]) => line + end) },
    { weight: 1, arbitrary: fc.array(documentLine, { minLength: 2, maxLength: 8 }).map(lines => `${lines.join('\n')}\n`) }
);

/** An edit: where (a fraction of the text's length), how much it deletes, what it inserts. */
const edit = fc.record({
    at: fc.noBias(fc.integer({ min: 0, max: 1000 })).map(permille => permille / 1000),
    deleted: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 200 }) }),
    inserted: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: insertion }),
    wholeLines: fc.boolean()
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Applies an edit; with `wholeLines`, it deletes and inserts at line starts (a line cut or pasted). */
function applyEdit(text: string, { at, deleted, inserted, wholeLines }: Edit): string {
    let start = Math.min(text.length, Math.floor(at * (text.length + 1)));
    let end = Math.min(text.length, start + deleted);
    if (wholeLines) {
        start = text.lastIndexOf('\n', start - 1) + 1;
        const lineEnd = text.indexOf('\n', end);
        end = deleted === 0 ? start : lineEnd < 0 ? text.length : lineEnd + 1;
    }
    return text.slice(0, start) + inserted + text.slice(end);
}

const base = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...BASES) }, { weight: 1, arbitrary: generatedDocument });
const edits = fc.array(edit, { minLength: 1, maxLength: 6 });

describe('incremental reparsing gives the syntax tree of a full parse', () => {
    const { Minutes } = createMinutesServices(EmptyFileSystem);
    const parser = Minutes.parser.LangiumParser;
    const reparser = new IncrementalReparser(Minutes.parser.Lexer as MinutesLexer, parser);

    /** Applies the edits one by one, each parsed incrementally and in full: the same trees. */
    function expectSameTrees(text: string, changes: Edit[]): void {
        let current: ParseResult<Document> = parser.parse<Document>(text);
        for (const change of changes) {
            text = applyEdit(text, change);
            const full = parser.parse<Document>(text);
            const incremental = reparser.reparse(current, text) ?? parser.parse<Document>(text);
            expect(syntaxTreeOf(incremental.value)).toBe(syntaxTreeOf(full.value));
            expect(incremental.parserErrors.length).toBe(full.parserErrors.length);
            expect(incremental.lexerErrors.length).toBe(full.lexerErrors.length);
            expect(lineStartsOf(incremental.value)).toEqual(lineStartsOf(full.value));
            current = incremental;
        }
    }

    test('edits the random ones found wrong', () => {
        // A line that starts inside a comment, whose start the edit moved: its columns changed.
        expectSameTrees('/* \nمرحبا بالعالم https://www.itu.int/net4/wsis/forum/2018/ /* aside */ \u0000\n',
            [{ at: 0.04, deleted: 2, inserted: '  role: chair\n', wholeLines: false }]);
        // A numbered turn after a blank line, in the line after the window's start.
        expectSameTrees('@mcade []:\n1. @chair:\naction : \n', [
            { at: 0.667, deleted: 1, inserted: 'meeting: https://www.itu.int/net4/wsis/forum/2018/\n---\n', wholeLines: false },
            { at: 0.276, deleted: 1, inserted: 'x', wholeLines: false }, { at: 0, deleted: 1, inserted: 'x', wholeLines: false }
        ]);
    });

    test('an edit of an attendee list changes what an office\'s label after it, and its names, are', () => {
        // `Chair:` after a blank line that ends a roster's list lists the chairs (minutes-lexer.ts, `Place.afterAttendance`).
        const offices = 'meeting: m\ndate: 2007-08-02\n\nRegrets:\n      @Hixie\n\nChair:\n      @DanC, @Julian\n\nScribe:\n      @mark\n\n@carol: Hi.\n';
        const at = (offset: number) => offset / (offices.length + 1) + 1e-9;
        expectSameTrees(offices, [{ at: at(offices.indexOf('Regrets')), deleted: 7, inserted: 'Regards', wholeLines: false }]);
        expectSameTrees(offices, [{ at: at(offices.indexOf('\nChair')), deleted: 1, inserted: '', wholeLines: false }]);
        expectSameTrees(offices, [{ at: at(offices.indexOf('Chair')), deleted: 5, inserted: 'Cheers', wholeLines: false }]);
        expectSameTrees(offices, [{ at: at(offices.indexOf('Scribe')), deleted: 0, inserted: 'Notes\n\n', wholeLines: false }]);
    });

    test('an edit of a line changes what the lines of names after it are', () => {
        // A roster's list wrapped onto lines of names: whether they go on with it depends on the line before (minutes-lexer.ts, `listGoesOn`).
        const wrapped = 'meeting: m\n\nNotes.\n\nPresent:\n      @DanC, @Julian,\n      @mark, @sander\n\nattendees:\nPrésents : @carol, @mark,\n@eric, @dan,\n@julian\n@carol: Hi.\n';
        const comma = wrapped.indexOf('@mark,\n@eric') + '@mark'.length;
        const at = (offset: number) => offset / (wrapped.length + 1) + 1e-9;
        expectSameTrees(wrapped, [{ at: at(comma), deleted: 1, inserted: '', wholeLines: false }]);
        expectSameTrees(wrapped, [{ at: at(comma + 1), deleted: 0, inserted: ' and', wholeLines: false }]);
        expectSameTrees(wrapped, [{ at: at(wrapped.indexOf('Présents')), deleted: 0, inserted: '\n', wholeLines: false }]);
        expectSameTrees(wrapped, [{ at: at(wrapped.indexOf('      @DanC')), deleted: 6, inserted: '', wholeLines: false }]);
        expectSameTrees(wrapped, [{ at: at(wrapped.indexOf('Present:') + 'Present:'.length), deleted: 0, inserted: ' @carol', wholeLines: false }]);
        fc.assert(fc.property(edits, changes => expectSameTrees(wrapped, changes)), { seed: SEED, numRuns: RUNS ?? 50 });
    });

    test('an edit before or of a front matter changes what its lines are', () => {
        // A `---` on a document's first line opens a header of fields (minutes-lexer.ts, `Place.frontMatter`).
        const front = '---\ndate: 2025-10-13\ntitle: Council\n---\n\n## Agenda\n\n- One\n';
        const at = (offset: number) => offset / (front.length + 1) + 1e-9;
        expectSameTrees(front, [{ at: 0, deleted: 0, inserted: 'Notes.\n\n', wholeLines: false }]);
        expectSameTrees(front, [{ at: 0, deleted: 0, inserted: '// A comment\n\n', wholeLines: false }]);
        expectSameTrees(front, [{ at: at(1), deleted: 1, inserted: '', wholeLines: false }]);
        expectSameTrees(front, [{ at: at(front.indexOf('title')), deleted: 0, inserted: '---\n', wholeLines: false }]);
        fc.assert(fc.property(edits, changes => expectSameTrees(front, changes)), { seed: SEED, numRuns: RUNS ?? 50 });
    });

    test('a document parsed incrementally keeps the document before it, and that one none before it', () => {
        // Each document held its edit, and the edit the document before it: typing kept every
        // version of the text (about 70 KB per keystroke in a 1 MB report).
        let text = head(example('ccwg-ig-annual-report-2017.minutes'), 3000);
        let current: ParseResult<Document> = parser.parse<Document>(text);
        const versions = [current.value];
        for (let i = 0; i < 3; i++) {
            text = text.replace('\n\n', `\n${'x'.repeat(i + 1)}\n\n`);
            const result = reparser.reparse(current, text);
            expect(result).toBeDefined();
            current = result!;
            versions.push(current.value);
        }
        expect(blockEditOf(versions[3])?.previous).toBe(versions[2]);
        expect(blockEditOf(versions[2])).toBeUndefined();
        expect(blockEditOf(versions[1])).toBeUndefined();
    });

    test('lines typed one after another do not each keep the version of the text they were parsed in', () => {
        // A block outlives the edits after it; the names and links of its nodes were views of the
        // text it was parsed from (V8's sliced strings), so each new line kept a whole version of
        // the text: the 1 MB report grew by 1.9 MB per line typed (util/detached-string.ts).
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const lines = head(example('igf-2018-ws224-transcript.minutes'), 60_000);
        let text = lines.repeat(8);
        let current: ParseResult<Document> = parser.parse<Document>(text);
        const at = text.indexOf('\n', text.length / 2) + 1;
        const heapAfter = (edits: number) => {
            for (let i = 0; i < edits; i++) {
                text = `${text.slice(0, at)}@{Participant number ${i} of the session}: A word about https://example.org/${i}.\n${text.slice(at)}`;
                current = reparser.reparse(current, text) ?? parser.parse<Document>(text);
            }
            gc();
            return getHeapStatistics().used_heap_size;
        };
        const before = heapAfter(1);
        const after = heapAfter(30);
        // 30 versions of a text of 480,000 characters: 27 MB kept before; now the heap does not grow.
        expect(after - before).toBeLessThan(4_000_000);
    });

    test('a document starts in the state the window lexer starts in at offset 0', () => {
        expect(lineStartsOf(parser.parse('text').value)?.states[0]).toBe(INITIAL_STATE);
    });

    test('random edits of examples and generated documents', () => {
        const before = { ...reparser.counts };
        fc.assert(fc.property(base, edits, expectSameTrees), { seed: SEED, numRuns: RUNS ?? 50 });
        // Many edits take the incremental path; the others are in a first block or near a syntax error.
        const incremental = reparser.counts.incremental - before.incremental;
        expect(incremental).toBeGreaterThan((reparser.counts.full - before.full) / 2);
    });
});

describe('the part of a text an edit changed', () => {
    /** Character by character, as the definition says. */
    function naiveChangedRange(oldText: string, text: string) {
        let start = 0;
        while (start < oldText.length && start < text.length && oldText[start] === text[start]) start++;
        let oldEnd = oldText.length;
        let newEnd = text.length;
        while (oldEnd > start && newEnd > start && oldText[oldEnd - 1] === text[newEnd - 1]) {
            oldEnd--;
            newEnd--;
        }
        return { start, oldEnd, newEnd };
    }

    test('is found in long texts as character by character', () => {
        const longText = fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 40 }), fc.integer({ min: 0, max: 600 }))
            .map(([unit, times]) => unit.repeat(times));
        fc.assert(fc.property(longText, fc.nat(), fc.nat({ max: 5000 }), fc.string({ maxLength: 3000 }), (text, at, deleted, inserted) => {
            const start = at % (text.length + 1);
            const edited = text.slice(0, start) + inserted + text.slice(start + deleted);
            expect(changedRange(text, edited)).toEqual(naiveChangedRange(text, edited));
        }), { seed: SEED, numRuns: RUNS ?? 200 });
    });
});

describe('an edited document in the workspace', () => {
    const DIRECTORY = 'person @mcade Marilyn Cade\nperson @ttropina Tatiana Tropina\n  alias: Tania\norg @ICANN ICANN\n';
    const uri = URI.file('/workspace/meeting.minutes');

    /** A workspace of the directory, one meeting and other files, parsing edits incrementally or not. */
    async function workspaceOf(text: string, incremental: boolean, others: Record<string, string> = {}) {
        const services = createMinutesServices(EmptyFileSystem);
        const factory = services.shared.workspace.LangiumDocumentFactory as MinutesDocumentFactory;
        factory.reparseIncrementally = incremental;
        const { LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const directory = factory.fromString<Document>(DIRECTORY, URI.file('/workspace/directory.minutes'));
        LangiumDocuments.addDocument(directory);
        const textDocument = TextDocument.create(uri.toString(), 'minutes', 1, text);
        setTextDocument(services.shared, textDocument);
        const meeting = factory.fromTextDocument<Document>(textDocument);
        LangiumDocuments.addDocument(meeting);
        const otherDocuments = Object.entries(others).map(([name, content]) => factory.fromString<Document>(content, URI.file(`/workspace/${name}`)));
        for (const other of otherDocuments) LangiumDocuments.addDocument(other);
        await DocumentBuilder.build([directory, meeting, ...otherDocuments], { validation: true });
        DocumentBuilder.updateBuildOptions = { validation: true };
        let version = 1;
        return {
            factory,
            linker: services.Minutes.references.Linker as MinutesLinker,
            /** How many chunks had their item checks and node checks kept, and how many were checked. */
            keptChecks: () => ({
                items: { ...services.Minutes.validation.MinutesValidator.itemChecks.counts },
                nodes: { ...(services.Minutes.validation.DocumentValidator as MinutesDocumentValidator).nodeChecks.counts }
            }),
            diagnosticsOf: (name: string) => LangiumDocuments.getDocument(URI.file(`/workspace/${name}`))?.diagnostics,
            /** Where the index says the directory's parties are referred to: path, range and target of each reference. */
            referencesToParties: () => {
                const directoryDocument = LangiumDocuments.getDocument(URI.file('/workspace/directory.minutes')) as LangiumDocument<Document>;
                const locator = services.Minutes.workspace.AstNodeLocator;
                return directoryDocument.parseResult.value.blocks.filter(isParty).map(party => services.shared.workspace.IndexManager
                    .findAllReferences(party, locator.getAstNodePath(party))
                    .map(reference => `${reference.sourceUri.path} ${reference.sourcePath} ${JSON.stringify(reference.segment.range)} ${reference.targetPath} ${reference.local}`)
                    .toArray());
            },
            async writeDirectory(next: string): Promise<LangiumDocument<Document>> {
                const directoryUri = URI.file('/workspace/directory.minutes');
                setTextDocument(services.shared, TextDocument.create(directoryUri.toString(), 'minutes', ++version, next));
                await DocumentBuilder.update([directoryUri], []);
                return LangiumDocuments.getDocument(uri) as LangiumDocument<Document>;
            },
            async write(next: string): Promise<LangiumDocument<Document>> {
                setTextDocument(services.shared, TextDocument.create(uri.toString(), 'minutes', ++version, next));
                await DocumentBuilder.update([uri], []);
                return LangiumDocuments.getDocument(uri) as LangiumDocument<Document>;
            }
        };
    }

    async function outputsOf(document: LangiumDocument<Document>): Promise<Record<string, string>> {
        const outputs: Record<string, string> = {};
        for (const format of OUTPUT_FORMATS.filter(format => format !== 'eml')) {
            outputs[format] = await generate(document, format).catch((error: Error) => `failed: ${error.message}`);
        }
        return outputs;
    }

    type Workspace = Awaited<ReturnType<typeof workspaceOf>>;

    /** Writes `text`, then applies the edits one by one in both workspaces: after each, `compare`, then the same diagnostics (in order) and outputs. */
    async function expectSameEdits(incremental: Workspace, full: Workspace, text: string, changes: Edit[],
        compare: (a: LangiumDocument<Document>, b: LangiumDocument<Document>) => void): Promise<void> {
        await incremental.write(text);
        await full.write(text);
        for (const change of changes) {
            text = applyEdit(text, change);
            const a = await incremental.write(text);
            const b = await full.write(text);
            compare(a, b);
            expect(JSON.stringify(a.diagnostics)).toBe(JSON.stringify(b.diagnostics));
            expect(await outputsOf(a)).toEqual(await outputsOf(b));
        }
    }

    test('random edits give the diagnostics and outputs of a full parse', async () => {
        const incremental = await workspaceOf('', true);
        const full = await workspaceOf('', false);
        await fc.assert(fc.asyncProperty(fc.constantFrom(...BASES.slice(0, 4)), edits, async (text, changes) => {
            await expectSameEdits(incremental, full, text, changes, (a, b) => expect(syntaxTreeOf(a.parseResult.value)).toBe(syntaxTreeOf(b.parseResult.value)));
        }), { seed: SEED, numRuns: Math.ceil((RUNS ?? 50) / 10) });
        expect(incremental.factory.reparseCounts.incremental).toBeGreaterThan(0);
        expect(full.factory.reparseCounts.incremental).toBe(0);
    });

    test('random edits of a long report keep what they did not touch and give the diagnostics and outputs of a full parse', async () => {
        const incremental = await workspaceOf(LONG, true);
        const full = await workspaceOf(LONG, false);
        const kept = { chunks: structureCounts.chunksKept, checks: incremental.keptChecks() };
        expect(incremental.referencesToParties().flat().length).toBeGreaterThan(20);
        await fc.assert(fc.asyncProperty(edits, async changes => {
            await expectSameEdits(incremental, full, LONG, changes, () => expect(incremental.referencesToParties()).toEqual(full.referencesToParties()));
        }), { seed: SEED, numRuns: Math.ceil((RUNS ?? 50) / 10) });
        // The reuse happened: chunks kept their items, and the checks of chunks their reports.
        expect(structureCounts.chunksKept).toBeGreaterThan(kept.chunks);
        const checks = incremental.keptChecks();
        expect(checks.items.kept).toBeGreaterThan(kept.checks.items.kept);
        expect(checks.nodes.kept).toBeGreaterThan(kept.checks.nodes.kept);
    }, LONG_RUN_TIMEOUT);

    test('an edit of one line of a long report groups and checks one chunk again', async () => {
        const workspace = await workspaceOf(LONG, true);
        const reference = await workspaceOf(LONG, false);
        // A document parsed once keeps nothing; its first edit records what the next ones keep.
        const first = LONG.replace('Opened call 4.', 'Opened call four.');
        const chunks = chunksOf(structureOf((await workspace.write(first)).parseResult.value)).length;
        expect(chunksOf(structureOf((await reference.write(first)).parseResult.value)).some(chunk => chunk.keepable)).toBe(false);
        const before = { ...structureCounts, ...workspace.keptChecks() };
        const edited = first.replace('@mcade: Opened call 9.', '@mcade: Opened call nine.');
        const document = await workspace.write(edited);
        expect(workspace.factory.reparseCounts.incremental).toBe(2);
        expect(structureCounts.chunksBuilt - before.chunksBuilt).toBe(1);
        expect(structureCounts.chunksKept - before.chunksKept).toBe(chunks - 1);
        const after = workspace.keptChecks();
        expect(after.items.checked - before.items.checked).toBe(1);
        expect(after.nodes.checked - before.nodes.checked).toBe(1);
        expect(after.nodes.kept - before.nodes.kept).toBe(chunks - 1);
        expect(document.diagnostics).toEqual((await reference.write(edited)).diagnostics);
        // A line inserted above moves the kept reports of every chunk below it.
        const moved = `first line\n${edited}`.replace('meeting: First call', 'meeting: First call\nnote: moved');
        expect((await workspace.write(moved)).diagnostics).toEqual((await reference.write(moved)).diagnostics);
    });

    test('an action identifier changed in a long report is found changed by the other meetings and files', async () => {
        const later = 'meeting: Later call\ndate: 2019-01-10\n\nupdate #c3 done: circulated\nupdate #c5 open: pending\n';
        const workspace = await workspaceOf(LONG, true, { 'later.minutes': later });
        const reference = await workspaceOf(LONG, false, { 'later.minutes': later });
        const expectSame = async (text: string) => {
            const document = await workspace.write(text);
            expect(document.diagnostics).toEqual((await reference.write(text)).diagnostics);
            expect(workspace.diagnosticsOf('later.minutes')).toEqual(reference.diagnosticsOf('later.minutes'));
            return document;
        };
        const codes = (diagnostics: Array<{ code?: string | number }> | undefined) => diagnostics?.map(d => d.code) ?? [];
        expect(codes(workspace.diagnosticsOf('later.minutes'))).not.toContain('unknown-action');

        // `#c3` renamed: the update of the next meeting, and the other file's, name no action now.
        const renamed = LONG.replace('action #c3 ', 'action #c3x ');
        let document = await expectSame(renamed);
        expect(codes(workspace.diagnosticsOf('later.minutes'))).toContain('unknown-action');
        expect(document.diagnostics?.filter(d => d.code === 'unknown-action').map(d => d.range.start.line)).toEqual(
            [LONG.split('\n').findIndex(line => line.startsWith('update #c3 '))]);

        // `#c5` written a second time, in another meeting: both are duplicates, and the other file's update is found in a later meeting.
        const duplicated = renamed.replace('action: unowned 8', 'action #c5 @mcade: again');
        document = await expectSame(duplicated);
        expect(codes(document.diagnostics).filter(code => code === 'duplicate-action-id')).toHaveLength(2);
        await expectSame(LONG);
        expect(codes(workspace.diagnosticsOf('later.minutes'))).not.toContain('unknown-action');
        expect(workspace.factory.reparseCounts.full).toBe(0);
    });

    test('an edit is parsed incrementally unless the text before or after it has a syntax error', async () => {
        const report = example('igf-2018-ws224-transcript.minutes');
        const workspace = await workspaceOf(report, true);
        const middle = report.indexOf('\n', report.length / 2) + 6;
        const typed = (text: string) => `${report.slice(0, middle)}${text}${report.slice(middle)}`;
        await workspace.write(typed('x'));
        await workspace.write(`x${report}`);
        expect(workspace.factory.reparseCounts).toMatchObject({ incremental: 2, full: 0 });
        await workspace.write(typed('/* not closed'));
        expect(workspace.factory.reparseCounts).toMatchObject({ incremental: 2, full: 1, lastFullParseReason: 'the window has a lexing error' });
        await workspace.write(typed('/* closed */'));
        expect(workspace.factory.reparseCounts).toMatchObject({ incremental: 2, full: 2, lastFullParseReason: 'the previous parse had errors' });
        await workspace.write(report);
        expect(workspace.factory.reparseCounts).toMatchObject({ incremental: 3, full: 2 });
    });

    test('the references of untouched lines keep their links until a party changes', async () => {
        const meeting = 'meeting: Call\ndate: 2018-03-19\n\n@mcade: Opened.\n\n@ttropina: Agreed.\n\nFirst prose.\n\nSome prose.\n';
        const workspace = await workspaceOf(meeting, true);
        const reference = await workspaceOf(meeting, false);
        const edited = meeting.replace('Some prose.', 'Some prose, edited.');
        let document = await workspace.write(edited);
        expect(workspace.linker.linksKept).toBe(2);
        expect(document.diagnostics).toEqual((await reference.write(edited)).diagnostics);

        // Tatiana leaves the directory: the meeting is linked again, her name unknown, nothing kept.
        const directory = 'person @mcade Marilyn Cade\norg @ICANN ICANN\n';
        document = await workspace.writeDirectory(directory);
        expect(workspace.linker.linksKept).toBe(2);
        expect(document.diagnostics?.map(d => d.code)).toContain('unknown-speaker');
        expect(document.diagnostics).toEqual((await reference.writeDirectory(directory)).diagnostics);
    });

    test('an internal error of the incremental path falls back to a full parse', async () => {
        const report = example('wgec-final-meeting-2018.minutes');
        const workspace = await workspaceOf(report, true);
        const reference = await workspaceOf(report, false);
        const tokenizeFrom = MinutesLexer.prototype.tokenizeFrom;
        MinutesLexer.prototype.tokenizeFrom = () => {
            throw new Error('broken on purpose');
        };
        try {
            const middle = report.indexOf('\n', report.length / 2) + 3;
            const edited = `${report.slice(0, middle)}x${report.slice(middle)}`;
            const document = await workspace.write(edited);
            expect(workspace.factory.reparseCounts).toMatchObject({ incremental: 0, full: 1, lastFullParseReason: 'internal error: broken on purpose' });
            expect(syntaxTreeOf(document.parseResult.value)).toBe(syntaxTreeOf((await reference.write(edited)).parseResult.value));
        } finally {
            MinutesLexer.prototype.tokenizeFrom = tokenizeFrom;
        }
    });
});
