#!/usr/bin/env node
// A sweep for quadratic paths: a run of one character (or a short unit) of N and of 2N
// characters, put in every kind of line — prose, a title, a heading, a speaker's text, a
// turn's qualifiers, an attendee, an agenda item, an action's header, a date, a directory
// entry's name and fields, an address line, a line start — through every stage (build,
// the editor's features, every generator). A stage that takes more than three times as
// long on the double input (and more than 100 ms) is printed as SLOW; one that throws
// anything but a GenerationError as THREW. It found the quadratic paths the tests in
// pathological.test.ts now guard (see docs/limits.md). Requires a build (npm run build).
//
//   node packages/language/test/pathological/sweep.mjs [N]      # N = 10000 by default
import { EmptyFileSystem, URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { createMinutesServices, generate, OUTPUT_FORMATS } from 'minutes-language';

const UNITS = ['.', ' ', '\t', '-', '@', '#', '[', ']', '(', ')', ':', '/', '*', '\\', '>', '`', '_', ',', ';', '"', "'", '=', '?', '!',
    'é', '😀', '字', '字。', '1年', '19 mars ', 'a', '1', '1.', 'a ', '@a ', 'http://x ', '\u202E', '\u0000',
    // Inline Markdown (issue 13): emphasis, code and links that open and never close, or nest.
    '**a ', '*a ', '`a ', '[a](http://x) ', '<http://x> ', '@@a ',
    // Turn shapes (issue 13): joint speakers, numbers before a speaker, phrases.
    '@a, ', '@a + ', '1.@a ', '@{The delegate of a} ', '@{Several a} '];

/** Where a run is put: a document around it. */
const CONTEXTS = [
    ['prose', run => `meeting: T\ndate: 2024-01-05\n\n${run}\n`],
    ['title', run => `meeting: ${run}\ndate: 2024-01-05\n`],
    ['heading', run => `# ${run}\n`],
    ['speaker', run => `meeting: T\n\n@mcade: ${run}\n`],
    ['qualifier', run => `meeting: T\n\n@mcade [${run}]: x\n`],
    ['attendee', run => `meeting: T\nattendees:\n- @mcade ${run}\n`],
    ['agenda', run => `meeting: T\nagenda:\n1. ${run}\n`],
    ['action', run => `meeting: T\ndate: 2024-01-05\naction #a @mcade ${run}: do\n`],
    ['date', run => `meeting: T\ndate: ${run}\ntime: ${run}\n`],
    ['person', run => `person @p ${run}\n  aliases: ${run}\n  role: ${run}\n  org: ${run}\n  email: ${run}\n`],
    ['addresses', run => `meeting: T\ndate: 2024-01-05\nfrom: ${run}\nto: ${run}\n`],
    ['line start', run => `${run}\n`],
    ['numbered turn', run => `meeting: T\nchair: @mcade\n\n1. @{The Chairman} ${run}\n\n2. ${run}\n`],
    ['joint turn', run => `meeting: T\n\n@mcade + ${run}: x\n`],
    ['narration', run => `meeting: T\n\n@mcade: x\n\n\nnarration: ${run}\n${run}\n`]
];

const DIRECTORY = 'person @mcade Marilyn Cade\n  email: m@example.org\n';

/** CPU milliseconds of each stage on a document (with a small directory); failures by stage. */
async function stages(text) {
    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = [['directory', DIRECTORY], ['meeting', text]].map(([name, content]) => LangiumDocumentFactory.fromString(content, URI.file(`/sweep/${name}.minutes`)));
    for (const document of documents) LangiumDocuments.addDocument(document);
    const times = {};
    const failures = {};
    const time = async (stage, work) => {
        const before = process.cpuUsage();
        try {
            await work();
        } catch (error) {
            if (error?.name !== 'GenerationError') failures[stage] = String(error?.message ?? error).slice(0, 100);
        }
        const used = process.cpuUsage(before);
        times[stage] = (used.user + used.system) / 1000;
    };
    await time('build', () => DocumentBuilder.build(documents, { validation: true }));
    const document = documents[1];
    const lsp = services.Minutes.lsp;
    const id = { uri: document.uri.toString() };
    const token = CancellationToken.None;
    const end = document.textDocument.positionAt(Math.max(0, text.length - 2));
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    await time('symbols', () => lsp.DocumentSymbolProvider.getSymbols(document, { textDocument: id }, token));
    await time('semantic', () => lsp.SemanticTokenProvider.semanticHighlight(document, { textDocument: id }, token));
    await time('folding', () => lsp.FoldingRangeProvider.getFoldingRanges(document, { textDocument: id }, token));
    await time('inlay', () => lsp.InlayHintProvider.getInlayHints(document, { textDocument: id, range: whole }, token));
    await time('format', () => lsp.Formatter.formatDocument(document, { textDocument: id, options: { tabSize: 4, insertSpaces: true } }, token));
    await time('codeActions', () => lsp.CodeActionProvider.getCodeActions(document, { textDocument: id, range: whole, context: { diagnostics: document.diagnostics ?? [] } }, token));
    await time('completion', () => lsp.CompletionProvider.getCompletion(document, { textDocument: id, position: end }, token));
    await time('hover', () => lsp.HoverProvider.getHoverContent(document, { textDocument: id, position: end }, token));
    for (const format of OUTPUT_FORMATS) await time(format, () => generate(document, format, { from: 'Sweep <sweep@example.org>', date: '2024-01-05' }));
    return { times, failures };
}

const size = Number(process.argv[2] ?? 10_000);
const runOf = (unit, length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
let found = 0;
for (const [context, make] of CONTEXTS) {
    for (const unit of UNITS) {
        const small = await stages(make(runOf(unit, size)));
        const large = await stages(make(runOf(unit, 2 * size)));
        for (const [stage, failure] of Object.entries(large.failures)) {
            found++;
            console.log(`THREW ${context} ${JSON.stringify(unit)} ${stage}: ${failure}`);
        }
        for (const [stage, time] of Object.entries(large.times)) {
            if (time > 100 && time / Math.max(small.times[stage], 1) > 3) {
                found++;
                console.log(`SLOW ${context} ${JSON.stringify(unit)} ${stage}: ${small.times[stage].toFixed(0)} → ${time.toFixed(0)} ms`);
            }
        }
    }
}
console.log(`swept ${CONTEXTS.length} kinds of line × ${UNITS.length} runs at ${size} and ${2 * size} characters: ${found} findings`);
process.exitCode = found > 0 ? 1 : 0;
