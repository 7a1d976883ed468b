// The growth sweep's stages and its arithmetic, shared by growth-sweep.test.ts (small
// sizes, in `npm test`) and `node bench/pathological.mjs --growth` (full sizes): every
// stage a file goes through — lex, parse, link, validate, each feature of the editor,
// every output at every attribution, the ledger and what is made of it — timed apart on
// the files of a shape (shapes.mjs) at n, 2n and 4n. It runs the built packages
// (packages/language/out, packages/cli/out: `npx tsc -b tsconfig.build.json`), as the
// CLI and the server do. Plain JavaScript, so that both can import it.
import { GCProfiler } from 'node:v8';
import { EmptyFileSystem, URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import {
    ATTRIBUTIONS, buildActionLedger, generate, meetingPlaces, OUTPUT_FORMATS, workspaceStatistics
} from 'minutes-language';
import { createMinutesServices } from 'minutes-language/editor';
import { generateDocx } from 'minutes-language/docx';

const cli = new URL('../../../cli/out/', import.meta.url);
const { groupByOwner, formatActions } = await import(new URL('actions.js', cli).href);
const { actionsIcs } = await import(new URL('actions-ics.js', cli).href);
const { ownerDigests } = await import(new URL('actions-digest.js', cli).href);
const { folderSources, sitePages } = await import(new URL('site-pages.js', cli).href);
const { formatStatistics } = await import(new URL('stats.js', cli).href);

const FOLDER = '/growth';
const TODAY = '2018-07-02';
const SENDER = 'Sweep <sweep@example.org>';
/** Requests at a position are asked at this many places spread over the document, so that each asks of its whole. */
const POSITIONS = 4;

/** The outputs of a document, each at every attribution: `html:none`. */
const OUTPUTS = [...OUTPUT_FORMATS, 'docx', 'site'];

/** The listings of `minutes actions` (its ics and eml digests are stages of their own). */
const ACTION_LISTINGS = ['text', 'json', 'markdown'];

/** Every stage, in the order run. */
export const STAGES = [
    'lex', 'parse', 'link', 'validate',
    'symbols', 'folding', 'semantic', 'inlay', 'format', 'codeActions',
    'completion', 'hover', 'definition', 'references', 'highlight', 'rename', 'workspaceSymbols',
    'ledger',
    ...ATTRIBUTIONS.flatMap(attribution => OUTPUTS.map(output => `${output}:${attribution}`)),
    ...ACTION_LISTINGS.map(format => `actions:${format}`), 'ics', 'digest', 'stats'
];

/** Errors that are answers: a generator's refusal (an eml without a date), a request refused (a rename to a taken name). */
function isRefusal(error) {
    return error?.name === 'GenerationError' || error?.name === 'ResponseError' || typeof error?.code === 'number';
}

/**
 * The services a sweep runs in: made once (building the parser takes longer than lexing a
 * small file), each run's files in a folder of their own, removed after it.
 */
export function sweepServices() {
    const services = createMinutesServices(EmptyFileSystem);
    // Made on first use: made here, so that no stage is timed making them.
    void services.Minutes.parser.LangiumParser;
    void services.Minutes.parser.Lexer;
    return services;
}

let runs = 0;

/** The stages the others need (the documents built, the ledger): run even when not asked for. */
const NEEDED = new Set(['parse', 'link', 'validate', 'ledger']);

/**
 * What a stage costs, by default: its CPU milliseconds, and the collector's pauses among them.
 * A meter's `measure` runs the work and returns `{ amount, gcMs?, error? }` (it does not throw).
 * With --expose-gc (the benchmark's processes), each stage starts from a collected heap, so
 * that it does not pay for the garbage the stages before it left.
 */
export const cpuTime = {
    unit: 'ms',
    async measure(work) {
        globalThis.gc?.();
        const collector = new GCProfiler();
        collector.start();
        const before = process.cpuUsage();
        const error = await failureOf(work);
        const used = process.cpuUsage(before);
        // The collector's pauses in the stage (wall time, µs each): what of its time the garbage collector took.
        const gcMs = collector.stop().statistics.reduce((sum, collection) => sum + collection.cost, 0) / 1000;
        return { amount: (used.user + used.system) / 1000, gcMs, error };
    }
};

/**
 * What a stage costs, counted: the blocks of JavaScript it executes (`ExecutedBlocks`, V8's
 * precise coverage, started before the project's modules were imported) in the project's
 * code and its dependencies. A count does not depend on the load of the machine, where a
 * time under load can double at one size and not at the next.
 */
export function executedBlocks(blocks) {
    return {
        unit: 'blocks',
        async measure(work) {
            let error;
            const amount = await blocks.count(/^file:/, async () => {
                error = await failureOf(work);
            });
            return { amount, error };
        }
    };
}

/** Runs the work; what it threw, if anything. */
async function failureOf(work) {
    try {
        await work();
        return undefined;
    } catch (error) {
        return error ?? new Error('undefined thrown');
    }
}

/**
 * The cost of every stage on these files (name → text; the last is the document the editor
 * and the outputs work on), in the unit of `meter` (CPU milliseconds unless told), and the
 * stages that failed; `only` (a stage's name → whether to run it) leaves out the others but
 * those the rest need.
 */
export async function stageTimes(files, services = sweepServices(), only = () => true, meter = cpuTime) {
    const times = {};
    const gcTimes = {};
    const failures = {};
    const time = async (stage, work) => {
        if (!only(stage) && !NEEDED.has(stage)) return;
        const { amount, gcMs, error } = await meter.measure(work);
        if (error && !isRefusal(error)) failures[stage] = `${error?.constructor?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0].slice(0, 160)}`;
        times[stage] = amount;
        if (gcMs !== undefined) gcTimes[stage] = gcMs;
    };

    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const entries = Object.entries(files);
    const folder = `${FOLDER}/${++runs}`;
    await time('lex', () => {
        for (const [, text] of entries) services.Minutes.parser.Lexer.tokenize(text);
    });
    let documents = [];
    await time('parse', () => {
        documents = entries.map(([name, text]) => LangiumDocumentFactory.fromString(text, URI.file(`${folder}/${name}`)));
    });
    for (const document of documents) LangiumDocuments.addDocument(document);
    // Indexing, scopes and linking; then validation alone (the documents stay linked).
    await time('link', () => DocumentBuilder.build(documents, { validation: false }));
    await time('validate', () => DocumentBuilder.build(documents, { validation: true }));

    const document = documents[documents.length - 1];
    const lsp = services.Minutes.lsp;
    const textDocument = { uri: document.uri.toString() };
    const token = CancellationToken.None;
    const text = document.textDocument.getText();
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const positions = samplePositions(text);
    const atEach = async ask => {
        for (const position of positions) await ask(position);
    };
    await time('symbols', () => lsp.DocumentSymbolProvider.getSymbols(document, { textDocument }, token));
    await time('folding', () => lsp.FoldingRangeProvider.getFoldingRanges(document, { textDocument }, token));
    await time('semantic', () => lsp.SemanticTokenProvider.semanticHighlight(document, { textDocument }, token));
    await time('inlay', () => lsp.InlayHintProvider.getInlayHints(document, { textDocument, range: whole }, token));
    await time('format', () => lsp.Formatter.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }, token));
    await time('codeActions', () => lsp.CodeActionProvider.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } }, token));
    await time('completion', () => atEach(position => lsp.CompletionProvider.getCompletion(document, { textDocument, position }, token)));
    await time('hover', () => atEach(position => lsp.HoverProvider.getHoverContent(document, { textDocument, position }, token)));
    await time('definition', () => atEach(position => lsp.DefinitionProvider.getDefinition(document, { textDocument, position }, token)));
    await time('references', () => atEach(position => lsp.ReferencesProvider.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }, token)));
    await time('highlight', () => atEach(position => lsp.DocumentHighlightProvider.getDocumentHighlight(document, { textDocument, position }, token)));
    await time('rename', () => atEach(async position => {
        try {
            if (await lsp.RenameProvider.prepareRename(document, { textDocument, position }, token)) {
                await lsp.RenameProvider.rename(document, { textDocument, position, newName: 'renamed' }, token);
            }
        } catch (error) {
            if (!isRefusal(error)) throw error;
        }
    }));
    await time('workspaceSymbols', () => services.Minutes.lsp.WorkspaceSymbolProvider?.getSymbols({ query: '' }, token));

    let ledger;
    await time('ledger', () => {
        ledger = buildActionLedger(documents);
    });
    const root = document.parseResult.value;
    for (const attribution of ATTRIBUTIONS) {
        for (const format of OUTPUT_FORMATS) {
            await time(`${format}:${attribution}`, () => generate(document, format, { from: SENDER, date: TODAY, ledger, attribution }));
        }
        await time(`docx:${attribution}`, () => generateDocx(root, { ledger, attribution }));
        await time(`site:${attribution}`, () => sitePages(folderSources(folder, documents), ledger, { title: 'Sweep', today: TODAY, outline: { attribution } }));
    }
    for (const format of ACTION_LISTINGS) await time(`actions:${format}`, () => formatActions(format, groupByOwner(ledger.actions)));
    await time('ics', () => actionsIcs(ledger.actions));
    await time('digest', () => ownerDigests(ledger, ledger.actions, { from: SENDER, today: TODAY }));
    await time('stats', () => {
        const statistics = workspaceStatistics(meetingPlaces(documents));
        for (const format of ['text', 'json', 'csv']) formatStatistics(format, statistics);
    });
    await DocumentBuilder.update([], documents.map(d => d.uri));
    return { times, gcTimes, failures };
}

/**
 * Where the requests at a position are asked: places of one role, so that the work they ask
 * for grows with the document as it should and the sizes compare (places spread over lines
 * of any kind landed on a name with two references at one size and two thousand at the
 * next). A place is a name, just after its `@`, or the start of a line without one; its
 * construct is the kind of its line (the first word, names as `@`, digits as 0) and, for a
 * name, whether it opens the line. The most frequent construct of names is taken (of line
 * starts when no construct has a name at every place asked), and in it the most frequent
 * name (all its places when no name comes twice); four of those places spread over the
 * document. Ties go to the one met first.
 */
export function samplePositions(text) {
    const names = new Map();
    const lines = new Map();
    const place = (constructs, construct, name, position) => {
        const places = constructs.get(construct) ?? new Map();
        places.set(name, [...places.get(name) ?? [], position]);
        constructs.set(construct, places);
    };
    text.split(/\r?\n/).forEach((line, index) => {
        const kind = (line.trim().split(/\s+/)[0] ?? '').replace(NAME, '$1@').replace(/\d+/g, '0');
        const start = line.search(/\S/);
        let named = false;
        for (const name of line.matchAll(NAME)) {
            const at = name.index + name[1].length;
            place(names, `${kind}${at === start ? ' (first)' : ''}`, name[2], { line: index, character: at + 1 });
            named = true;
        }
        if (start >= 0 && !named) place(lines, kind, '', { line: index, character: 0 });
    });
    const count = places => [...places.values()].reduce((sum, each) => sum + each.length, 0);
    const most = (groups, size) => [...groups].reduce((best, group) => best === undefined || size(group) > size(best) ? group : best, undefined);
    const ofNames = most(names.values(), count);
    const construct = ofNames && (count(ofNames) >= POSITIONS || lines.size === 0) ? ofNames : most(lines.values(), count);
    if (!construct) return [{ line: 0, character: 0 }];
    const name = most(construct.values(), places => places.length);
    const places = name.length > 1 ? name : [...construct.values()].flat().sort((a, b) => a.line - b.line || a.character - b.character);
    return Array.from({ length: POSITIONS }, (_, k) => places[Math.min(places.length - 1, Math.floor((k + 1) * places.length / POSITIONS) - (k === POSITIONS - 1 ? 1 : 0))]);
}

/** A name as the sweep tells names apart (`@mcade`, `@{John Smith}`, `@?`), not the `@` of an address. */
const NAME = /(^|[^\p{L}\p{N}._%+\\-])@(\{[^}\n]*\}?|[^\s,;:.!?\][(){}<>"']*\??)/gu;

/** The best (least) cost of each stage over some runs (CPU ms unless `meter` says), with the collector's time in that run, and the failures of any. */
export async function bestStageTimes(files, runs, services, only, meter = cpuTime) {
    let best;
    let gcTimes;
    const failures = {};
    for (let run = 0; run < runs; run++) {
        const result = await stageTimes(files, services, only, meter);
        Object.assign(failures, result.failures);
        if (!best) {
            best = { ...result.times };
            gcTimes = { ...result.gcTimes };
            continue;
        }
        for (const [stage, ms] of Object.entries(result.times)) {
            if (ms < best[stage]) {
                best[stage] = ms;
                gcTimes[stage] = result.gcTimes[stage];
            }
        }
    }
    return { times: best, gcTimes, failures };
}

/**
 * The growth exponent of a stage from one size to the next: log of the ratio of costs over
 * log of the ratio of sizes (1 is linear, 2 quadratic), or undefined when the larger cost
 * is under `floor` (ms, or blocks when counted: too little to tell from noise). The smaller time counts as at least
 * half the floor, so that a stage that took next to nothing does not make a steep exponent.
 */
export function exponent(smaller, larger, floor) {
    if (larger.ms < floor) return undefined;
    return Math.log(larger.ms / Math.max(smaller.ms, floor / 2)) / Math.log(larger.characters / smaller.characters);
}

/**
 * Every stage's times at each size ([{ characters, times }] in increasing size) and its
 * exponents between consecutive sizes; `worst` is the last measurable one (the largest
 * sizes are the ones that tell).
 */
export function growthOf(measurements, floor) {
    const stages = {};
    for (const stage of STAGES.filter(stage => measurements.every(m => m.times[stage] !== undefined))) {
        const points = measurements.map(m => ({ characters: m.characters, ms: m.times[stage] }));
        const exponents = points.slice(1).map((point, i) => exponent(points[i], point, floor));
        const measured = exponents.filter(e => e !== undefined);
        const gcMs = measurements.every(m => m.gcTimes?.[stage] !== undefined) ? measurements.map(m => m.gcTimes[stage]) : undefined;
        stages[stage] = { ms: points.map(p => p.ms), gcMs, exponents, exponent: measured.length > 0 ? measured[measured.length - 1] : undefined };
    }
    return stages;
}

/** The highest exponent tolerated: linear with room for noise (a quadratic stage shows 2). */
export const MAX_EXPONENT = 1.3;

/**
 * A stage's costs at each size, with the collector's pauses among them when measured:
 * `393/593/1796 ms (GC 40/71/220)`; counted: `812/1630/3270k blocks`.
 */
export function timesOf(stage, separator = '/', unit = 'ms') {
    if (unit === 'blocks') return `${stage.ms.map(count => (count / 1000).toFixed(0)).join(separator)}k blocks`;
    const gc = stage.gcMs ? ` (GC ${stage.gcMs.map(ms => ms.toFixed(0)).join(separator)})` : '';
    return `${stage.ms.map(ms => ms.toFixed(0)).join(separator)} ms${gc}`;
}

/** One line per shape: the stages above MAX_EXPONENT first (those `steeper` by design marked so), then the steepest. */
export function describeGrowth(name, sizes, stages, steeper = {}, unit = 'ms') {
    const measured = Object.entries(stages).filter(([, s]) => s.exponent !== undefined).sort((a, b) => b[1].exponent - a[1].exponent);
    const steep = measured.filter(([, s]) => s.exponent > MAX_EXPONENT);
    const unexpected = steep.some(([stage]) => !steeper[stage]);
    const shown = (steep.length > 0 ? steep : measured.slice(0, 3))
        .map(([stage, s]) => `${stage} ${timesOf(s, '/', unit)} (${s.exponent.toFixed(2)}${steeper[stage] ? ', by design' : ''})`);
    return `${name} (${sizes.join('/')}): ${unexpected ? 'STEEP ' : ''}${shown.join(', ') || 'every stage under the floor'}`;
}
