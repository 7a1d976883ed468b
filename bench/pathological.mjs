#!/usr/bin/env node
// Pathological inputs at full size: time per stage and peak memory.
//
//   node bench/pathological.mjs                   # every case, full size
//   node bench/pathological.mjs large-file        # one case (or several)
//   node bench/pathological.mjs --scale 0.1       # every size times 0.1
//   node bench/pathological.mjs --json out.json   # also write the figures as JSON
//   node bench/pathological.mjs --growth          # the growth sweep: every shape at n, 2n, 4n
//   node bench/pathological.mjs --growth --markdown table.md meetings agenda   # some shapes, and docs/limits.md's table
//   node bench/pathological.mjs --growth --runs 3 --stages '^(symbols|email:none)$' people   # some stages (and the build and ledger they need)
//   node bench/pathological.mjs --growth --count people     # each stage's cost counted in blocks of JavaScript executed, not timed
//
// Each case runs in a child process of its own, so that its peak resident set size
// (VmHWM in /proc/self/status) is its own. Stages: build (parse, link, validate, as the
// CLI and the language server do), the language features the editor asks for on open
// (symbols, folding, semantic tokens, inlay hints, formatting, code actions; completion
// and hover at the end), and every generator. The scaled-down versions, which check that
// the cost grows linearly, are in packages/language/test/pathological/. Requires a build
// (npm run build); run with `node --max-old-space-size=…` for files beyond 50 MB.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const INPUTS = new URL('../packages/language/test/pathological/inputs.mjs', import.meta.url);
const SWEEP = new URL('../packages/language/test/pathological/', import.meta.url);
const EXECUTED_BLOCKS = new URL('../packages/language/test/helpers/executed-blocks.mjs', import.meta.url);

/** The cases: a name, the full size and what the size counts. */
export const CASES = [
    { name: 'large-file', size: 50_000_000, unit: 'characters', what: 'a 50 MB file of meetings (over the limit: refused at once)' },
    { name: 'file-at-limit', size: 9_990_000, unit: 'characters', what: 'a file of meetings just under the 10 MB limit' },
    { name: 'interventions', size: 100_000, unit: 'interventions', what: '100,000 interventions in one meeting' },
    { name: 'long-line', size: 100_000, unit: 'characters', what: 'a 100,000-character line of prose' },
    { name: 'long-word', size: 100_000, unit: 'characters', what: 'a 100,000-character word (no space to wrap at)' },
    { name: 'long-chinese', size: 100_000, unit: 'characters', what: 'a 100,000-character run of Chinese (a break opportunity between each two)' },
    { name: 'long-chinese-url', size: 100_000, unit: 'characters', what: 'a 100,000-character URL of Chinese (never broken)' },
    { name: 'long-markdown', size: 100_000, unit: 'characters', what: 'a 100,000-character line of inline Markdown that nests and never closes' },
    { name: 'deep-agenda', size: 100, unit: 'levels', what: 'an agenda nested 100 deep (by indentation)' },
    { name: 'deeper-agenda', size: 4_000, unit: 'levels', what: 'an agenda nested 4,000 deep (8 MB of indentation; shown 256 deep)' },
    { name: 'shared-surname', size: 10_000, unit: 'people', what: '10,000 people sharing a surname' },
    { name: 'comment-lines', size: 100_000, unit: 'lines', what: '100,000 comment lines among prose, then a run of 50,000' },
    { name: 'long-title', size: 100_000, unit: 'characters', what: 'a meeting title of 100,000 characters' },
    { name: 'indented-lines', size: 9_000, unit: 'spaces', what: '1,000 lines indented by 9,000 spaces (9 MB)' },
    { name: 'series-open-actions', size: 4_000, unit: 'meetings', what: '4,000 meetings of one group, each with an action left open' },
    { name: 'duplicate-action-ids', size: 16_000, unit: 'actions', what: '16,000 actions with one identifier' },
    { name: 'updates-of-one-action', size: 16_000, unit: 'updates', what: '16,000 updates of one action' },
    { name: 'same-text-actions', size: 16_000, unit: 'actions', what: '16,000 actions with the same text and no identifier' },
    { name: 'same-headings', size: 16_000, unit: 'headings', what: '16,000 headings with the same text' },
    { name: 'many-attendees', size: 4_000, unit: 'people', what: 'an attendee list of 4,000 people' },
    { name: 'many-speakers', size: 4_000, unit: 'people', what: '4,000 people speaking in one meeting' },
    { name: 'mentions-none', size: 16_000, unit: 'mentions', what: '16,000 mentions in one paragraph, attribution none', options: { attribution: 'none' } },
    { name: 'mentions-organisation', size: 16_000, unit: 'mentions', what: '16,000 mentions in one paragraph, attribution organisation', options: { attribution: 'organisation' } },
    { name: 'bidi-embeddings', size: 100_000, unit: 'embeddings', what: 'bidi embeddings opened and closed 100,000 times' },
    { name: 'review-entries', size: 4_000, unit: 'entries', what: '4,000 directory entries marked review:' },
    { name: 'continuation-lines', size: 10_000, unit: 'lines', what: '10,000 continuation lines after each of ten kinds of line (hard-wrapped paragraphs, issue 12)' },
    { name: 'list-shapes', size: 10_000, unit: 'repetitions', what: 'setext headings, + bullets, lettered sub-items, bullet turns inside lists, 10,000 times; a line of 10,000 mentions; 10,000 underlines; a list of 10,000 items with a bullet turn under each (issue 13)' },
    { name: 'turn-shapes', size: 2_000, unit: 'repetitions', what: 'numbered turns by office and delegation, groups, joint turns, narration, 2,000 times; 2,000 meetings each with its chair; a joint turn of 2,000 speakers; 2,000 numbered paragraphs in one turn (issue 13); offices listed after the regrets, actions of joint owners; an action of 2,000 joint owners and a line of 2,000 joined names' }
];

/** The files of a case (name → text); the last one is the document the features and generators work on. */
export async function filesOf(name, size) {
    const inputs = await import(INPUTS);
    switch (name) {
        case 'large-file':
        case 'file-at-limit': return { 'large.minutes': inputs.largeFile(size) };
        case 'interventions': return { 'session.minutes': inputs.manyInterventions(size) };
        case 'long-line': return { 'line.minutes': inputs.longLine(size) };
        case 'long-word': return { 'word.minutes': inputs.longLine(size, 'word') };
        case 'long-chinese': return { 'cjk.minutes': inputs.longLine(size, 'cjk') };
        case 'long-chinese-url': return { 'url.minutes': inputs.longLine(size, 'cjk-url') };
        case 'long-markdown': return { 'markdown.minutes': inputs.longLine(size, 'markdown') };
        case 'deep-agenda':
        case 'deeper-agenda': return { 'agenda.minutes': inputs.deepAgenda(size) };
        case 'shared-surname': {
            const { directory, meeting } = inputs.sharedSurname(size);
            return { 'directory.minutes': directory, 'meeting.minutes': meeting };
        }
        case 'comment-lines': return { 'comments.minutes': inputs.commentLines(size) };
        case 'long-title': return { 'title.minutes': inputs.longTitle(size) };
        case 'indented-lines': return { 'indented.minutes': inputs.indentedLines(1_000, size) };
        case 'series-open-actions': return { 'series.minutes': inputs.seriesOpenActions(size) };
        case 'duplicate-action-ids': return { 'ids.minutes': inputs.duplicateActionIds(size) };
        case 'updates-of-one-action': return { 'updates.minutes': inputs.updatesOfOneAction(size) };
        case 'same-text-actions': return { 'actions.minutes': inputs.sameTextActions(size) };
        case 'same-headings': return { 'headings.minutes': inputs.sameHeadings(size) };
        case 'mentions-none':
        case 'mentions-organisation': return { 'mentions.minutes': inputs.mentionsInParagraph(size) };
        case 'bidi-embeddings': return { 'bidi.minutes': inputs.bidiEmbeddings(size) };
        case 'many-attendees':
        case 'many-speakers':
        case 'review-entries': {
            const make = { 'many-attendees': inputs.manyAttendees, 'many-speakers': inputs.manySpeakers, 'review-entries': inputs.reviewEntries }[name];
            const { directory, meeting } = make(size);
            return { 'directory.minutes': directory, 'meeting.minutes': meeting };
        }
        case 'continuation-lines': return { 'wrapped.minutes': inputs.smallDirectory() + inputs.continuationLines(size) };
        case 'list-shapes': return { 'shapes.minutes': inputs.smallDirectory() + inputs.listShapes(size) };
        case 'turn-shapes': return { 'turns.minutes': inputs.smallDirectory() + inputs.turnShapes(size) };
        default: throw new Error(`no case ${name}`);
    }
}

function peakRssMegabytes() {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kilobytes / 1024;
}

/** Runs one case in this process; returns its figures. */
async function runCase(name, size) {
    const { EmptyFileSystem, URI } = await import('langium');
    const { CancellationToken } = await import('vscode-languageserver');
    const { buildActionLedger, generate, OUTPUT_FORMATS } = await import('minutes-language');
    const { createMinutesServices } = await import('minutes-language/editor');

    const files = await filesOf(name, size);
    const characters = Object.values(files).reduce((sum, text) => sum + text.length, 0);
    const stages = {};
    const stage = async (label, run) => {
        const wall = performance.now();
        const cpu = process.cpuUsage();
        let failure;
        try {
            await run();
        } catch (error) {
            failure = `${error?.constructor?.name ?? 'Error'}: ${String(error?.message ?? error).split('\n')[0].slice(0, 160)}`;
        }
        const used = process.cpuUsage(cpu);
        stages[label] = {
            ms: Math.round(performance.now() - wall), cpuMs: Math.round((used.user + used.system) / 1000),
            heapMb: Math.round(process.memoryUsage().heapUsed / 1e6), ...(failure ? { failure } : {})
        };
    };

    const services = createMinutesServices(EmptyFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = Object.entries(files).map(([file, text]) => LangiumDocumentFactory.fromString(text, URI.file(`/bench/${file}`)));
    await stage('build', async () => {
        for (const document of documents) LangiumDocuments.addDocument(document);
        await DocumentBuilder.build(documents, { validation: true });
    });
    const document = documents[documents.length - 1];
    const lsp = services.Minutes.lsp;
    const id = { uri: document.uri.toString() };
    const token = CancellationToken.None;
    const text = document.textDocument.getText();
    const end = document.textDocument.positionAt(text.length);
    const whole = { start: { line: 0, character: 0 }, end };
    const lastLine = document.textDocument.positionAt(Math.max(0, text.trimEnd().length - 2));
    await stage('symbols', () => lsp.DocumentSymbolProvider.getSymbols(document, { textDocument: id }, token));
    await stage('folding', () => lsp.FoldingRangeProvider.getFoldingRanges(document, { textDocument: id }, token));
    await stage('semantic', () => lsp.SemanticTokenProvider.semanticHighlight(document, { textDocument: id }, token));
    await stage('inlay', () => lsp.InlayHintProvider.getInlayHints(document, { textDocument: id, range: whole }, token));
    await stage('format', () => lsp.Formatter.formatDocument(document, { textDocument: id, options: { tabSize: 4, insertSpaces: true } }, token));
    await stage('codeActions', () => lsp.CodeActionProvider.getCodeActions(document, { textDocument: id, range: whole, context: { diagnostics: document.diagnostics ?? [] } }, token));
    await stage('completion', () => lsp.CompletionProvider.getCompletion(document, { textDocument: id, position: lastLine }, token));
    await stage('hover', () => lsp.HoverProvider.getHoverContent(document, { textDocument: id, position: lastLine }, token));
    for (const format of OUTPUT_FORMATS) {
        // As `minutes generate` does: the ledger of every loaded file, for the actions of earlier meetings.
        await stage(format, () => generate(document, format, {
            from: 'Bench <bench@example.org>', date: '2018-03-19', ledger: buildActionLedger(documents), ...CASES.find(c => c.name === name)?.options
        }));
    }
    return {
        name, size, characters, lines: text.split('\n').length,
        diagnostics: (document.diagnostics ?? []).length,
        stages, peakRssMb: Math.round(peakRssMegabytes())
    };
}

/**
 * Runs one shape of the growth sweep in this process at n, 2n and 4n (the full size times
 * `scale`), each the best of `runs`; `stages` (a regular expression) picks the stages
 * measured; `counted`: each stage's cost is the JavaScript it executes, not its CPU time.
 */
async function runShape(name, scale, runs, floor, stages, counted) {
    // Counting starts before the project's modules are compiled: only code compiled after it is counted precisely.
    let meter;
    if (counted) {
        const { ExecutedBlocks } = await import(EXECUTED_BLOCKS);
        const blocks = await ExecutedBlocks.start();
        meter = (await import(new URL('growth.mjs', SWEEP))).executedBlocks(blocks);
    }
    const { SHAPES, fullSize } = await import(new URL('shapes.mjs', SWEEP));
    const { bestStageTimes, cpuTime, growthOf, sweepServices } = await import(new URL('growth.mjs', SWEEP));
    meter ??= cpuTime;
    const shape = SHAPES.find(s => s.name === name);
    const n = Math.max(1, Math.round(fullSize(shape) * scale));
    const services = sweepServices();
    const pattern = new RegExp(stages);
    const only = stage => pattern.test(stage);
    // A first run, smaller, compiles what the stages run (and, counted, does what is done once).
    await bestStageTimes(shape.files(Math.max(1, Math.round(n / 4))), 1, services, only, meter);
    const measurements = [];
    const failures = {};
    for (const k of [1, 2, 4]) {
        const files = shape.files(k * n);
        const result = await bestStageTimes(files, runs, services, only, meter);
        Object.assign(failures, result.failures);
        measurements.push({ characters: Object.values(files).reduce((sum, text) => sum + text.length, 0), times: result.times, gcTimes: result.gcTimes });
    }
    return { name, n, unit: meter.unit, characters: measurements.map(m => m.characters), stages: growthOf(measurements, floor), failures, peakRssMb: Math.round(peakRssMegabytes()) };
}

/** Stages under this many CPU ms at 4n get no exponent (too quick to tell from noise), unless --floor says. */
const GROWTH_FLOOR_MS = 50;
/** Counted (--count), stages that execute fewer blocks than this at 4n get none. */
const GROWTH_FLOOR_BLOCKS = 20_000;

/** The growth sweep: each shape in a process of its own; a line per shape, and the figures. */
async function growthSweep(names, scale, runs, floor, stages, counted, jsonFile, markdownFile) {
    const { SHAPES } = await import(new URL('shapes.mjs', SWEEP));
    const { describeGrowth, MAX_EXPONENT, timesOf } = await import(new URL('growth.mjs', SWEEP));
    const selected = names.length > 0 ? SHAPES.filter(s => names.includes(s.name)) : SHAPES;
    if (selected.length !== (names.length || SHAPES.length)) {
        process.stderr.write(`no shape ${names.filter(n => !SHAPES.some(s => s.name === n)).join(', ')}: ${SHAPES.map(s => s.name).join(' ')}\n`);
        process.exit(2);
    }
    const results = [];
    for (const shape of selected) {
        // --expose-gc: the sweep collects the heap before each stage (growth.mjs).
        const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--growth-child', shape.name, String(scale), String(runs), String(floor), stages, counted ? 'count' : 'cpu'],
            { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: fileURLToPath(new URL('..', import.meta.url)) });
        let figures;
        try {
            figures = JSON.parse(child.stdout.trim().split('\n').pop());
        } catch {
            figures = { name: shape.name, crashed: `exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` };
        }
        results.push({ ...figures, what: shape.what, steeper: shape.steeper ?? {} });
        const failed = Object.entries(figures.failures ?? {}).map(([stage, failure]) => ` FAILED ${stage}: ${failure}`).join(';');
        process.stdout.write((figures.crashed ? `${shape.name}: CRASHED ${figures.crashed}` : describeGrowth(shape.name, figures.characters, figures.stages, shape.steeper, figures.unit)) + failed + '\n');
    }
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ load: loadavg(), cores: cpus().length, node: process.version, scale, runs, floor, counted, results }, null, 2) + '\n');
    if (markdownFile) writeFileSync(markdownFile, growthTable(results, timesOf));
    const steep = results.some(r => r.crashed || Object.keys(r.failures ?? {}).length > 0
        || Object.entries(r.stages ?? {}).some(([stage, g]) => g.exponent > MAX_EXPONENT && !r.steeper[stage]));
    if (steep) process.exitCode = 1;
}

/** Columns of docs/limits.md's table: stages grouped, each cell the steepest exponent of its group. */
const STAGE_GROUPS = [
    ['lex', stage => stage === 'lex'], ['parse', stage => stage === 'parse'], ['link', stage => stage === 'link'], ['validate', stage => stage === 'validate'],
    ['editor', stage => !stage.includes(':') && !['lex', 'parse', 'link', 'validate', 'ledger', 'ics', 'digest', 'stats'].includes(stage)],
    ['outputs', stage => /^(email|eml|html|json|markdown|docx|site):/.test(stage)],
    ['ledger', stage => ['ledger', 'ics', 'digest', 'stats'].includes(stage) || stage.startsWith('actions:')]
];

function growthTable(results, timesOf) {
    const cell = exponent => exponent === undefined ? '—' : exponent.toFixed(2);
    const lines = [
        `| Shape (4n) | ${STAGE_GROUPS.map(([group]) => group).join(' | ')} | steepest stage: ${results[0]?.unit === 'blocks' ? 'blocks executed' : 'CPU ms'} at n, 2n, 4n |`,
        `|---|${STAGE_GROUPS.map(() => '---').join('|')}|---|`
    ];
    for (const r of results) {
        if (r.crashed) {
            lines.push(`| ${r.name} | crashed: ${r.crashed} |`);
            continue;
        }
        const stages = Object.entries(r.stages);
        const groups = STAGE_GROUPS.map(([, member]) => {
            const exponents = stages.filter(([stage, g]) => member(stage) && g.exponent !== undefined).map(([, g]) => g.exponent);
            return exponents.length > 0 ? Math.max(...exponents) : undefined;
        });
        const [stage, g] = stages.filter(([, g]) => g.exponent !== undefined).sort((a, b) => b[1].exponent - a[1].exponent)[0] ?? [];
        const steepest = stage ? `${stage} ${timesOf(g, ', ', r.unit)}${r.steeper[stage] ? ` (by design: ${r.steeper[stage]})` : ''}` : 'all under the floor';
        lines.push(`| ${r.name} (${(r.characters[2] / 1e6).toFixed(2)} M) | ${groups.map(cell).join(' | ')} | ${steepest} |`);
    }
    return lines.join('\n') + '\n';
}

async function main() {
    const args = process.argv.slice(2);
    if (args[0] === '--child') {
        const figures = await runCase(args[1], Number(args[2]));
        process.stdout.write(JSON.stringify(figures) + '\n');
        return;
    }
    if (args[0] === '--growth-child') {
        process.stdout.write(JSON.stringify(await runShape(args[1], Number(args[2]), Number(args[3]), Number(args[4]), args[5], args[6] === 'count')) + '\n');
        return;
    }
    if (args.includes('--growth')) {
        let scale = 1;
        // A count is the same at every run: one is enough.
        const counted = args.includes('--count');
        let runs = counted ? 1 : 2;
        let floor = counted ? GROWTH_FLOOR_BLOCKS : GROWTH_FLOOR_MS;
        let stages = '';
        let jsonFile;
        let markdownFile;
        const names = [];
        for (let i = 0; i < args.length; i++) {
            if (args[i] === '--growth' || args[i] === '--count') continue;
            if (args[i] === '--scale') scale = Number(args[++i]);
            else if (args[i] === '--runs') runs = Number(args[++i]);
            else if (args[i] === '--floor') floor = Number(args[++i]);
            else if (args[i] === '--stages') stages = args[++i];
            else if (args[i] === '--json') jsonFile = args[++i];
            else if (args[i] === '--markdown') markdownFile = args[++i];
            else names.push(args[i]);
        }
        if (!(scale > 0) || !(runs >= 1) || !(floor >= 0)) {
            process.stderr.write('usage: node bench/pathological.mjs --growth [--count] [--scale F] [--runs N] [--floor MS|BLOCKS] [--stages REGEX] [--json FILE] [--markdown FILE] [shape…]\n');
            process.exit(2);
        }
        return growthSweep(names, scale, runs, floor, stages, counted, jsonFile, markdownFile);
    }
    let scale = 1;
    let jsonFile;
    const names = [];
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--scale') scale = Number(args[++i]);
        else if (args[i] === '--json') jsonFile = args[++i];
        else names.push(args[i]);
    }
    const selected = names.length > 0 ? CASES.filter(c => names.includes(c.name)) : CASES;
    if (selected.length !== (names.length || CASES.length) || !(scale > 0)) {
        process.stderr.write(`usage: node bench/pathological.mjs [--scale F] [--json FILE] [${CASES.map(c => c.name).join('|')}…]\n`);
        process.exit(2);
    }
    const results = [];
    for (const c of selected) {
        const size = Math.max(1, Math.round(c.size * scale));
        const child = spawnSync(process.execArgv.length ? process.execPath : 'node',
            [...process.execArgv, fileURLToPath(import.meta.url), '--child', c.name, String(size)],
            { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, cwd: fileURLToPath(new URL('..', import.meta.url)) });
        const line = child.stdout.trim().split('\n').pop();
        let figures;
        try {
            figures = JSON.parse(line);
        } catch {
            figures = { name: c.name, size, crashed: `exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` };
        }
        results.push(figures);
        process.stdout.write(describe(c, figures) + '\n');
    }
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
    if (results.some(r => r.crashed || Object.values(r.stages ?? {}).some(s => s.failure))) process.exitCode = 1;
}

function describe(c, figures) {
    if (figures.crashed) return `${c.name} (${figures.size} ${c.unit}): CRASHED ${figures.crashed}`;
    const stages = Object.entries(figures.stages)
        .map(([label, s]) => `${label} ${s.cpuMs}${s.failure ? ` FAILED (${s.failure})` : ''}`).join(', ');
    return `${c.name} (${figures.size.toLocaleString('en')} ${c.unit}, ${(figures.characters / 1e6).toFixed(2)} M chars, ${figures.diagnostics} diagnostics): `
        + `peak RSS ${figures.peakRssMb} MB; CPU ms: ${stages}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
