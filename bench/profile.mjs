#!/usr/bin/env node
/**
 * Where the time of a workspace build goes, phase by phase, measured in-process with the
 * DocumentBuilder's phase hooks (the same hooks the language server's diagnostics use):
 * reading, lexing alone, then parsing (lexing included), indexing, scopes, linking,
 * reference indexing and validation; and the heap the built workspace keeps.
 *
 *   node --expose-gc bench/profile.mjs FOLDER [--no-validation] [--repeat N] [--check-only [--langium-parser]] [--releasing]
 *        [--profile-phase PHASE FILE] [--count-phase PHASE]
 *
 * --check-only builds with the services of `minutes check` (createMinutesCoreServices's
 * checkOnly: no index of where references point, the flat parser), instead of the editor's;
 * --langium-parser, with Langium's parser in place of the flat one.
 *
 * --releasing checks as `minutes check` does in one thread (packages/cli/out/releasing-check.js,
 * with the check's services, as --check-only): each file's tree released once no later file reads it; the
 * phases are then not told apart. `minutes check` also runs with V8's
 * `--heap-growing-percent=50`: pass it to node to measure the same.
 *
 * Run it under `node --cpu-prof` and summarise with bench/lib/profile-summary.mjs to see
 * which functions a phase spends its time in (docs/performance.md). --profile-phase writes a
 * CPU profile of one phase of the build alone (`validate`, `link`, …: the names printed);
 * --count-phase prints how many blocks of JavaScript that phase executed (V8's precise
 * coverage: a count the load of the machine does not change, but every function runs slower
 * while it counts, so its times then mean nothing).
 */
import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';

const args = process.argv.slice(2);
const optionValue = name => args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const profiledPhase = optionValue('--profile-phase');
const profileFile = profiledPhase && args[args.indexOf('--profile-phase') + 2];
const countedPhase = optionValue('--count-phase');
const inspector = new Session();
inspector.connect();
// Coverage counts only the code compiled after it starts: the modules are imported after.
const { ExecutedBlocks } = await import('../packages/language/test/helpers/executed-blocks.mjs');
const coverage = countedPhase ? await ExecutedBlocks.start() : undefined;
const { DocumentState, URI } = await import('langium');
const { NodeFileSystem } = await import('langium/node');
const { blockTreeCacheOf, createMinutesCoreServices } = await import('minutes-language');
const { createMinutesServices } = await import('minutes-language/editor');
const { minutesFilesUnder } = await import('./lib/minutes-files.mjs');
/** The blocks executed since the last call, in every script but Node's own; and by function, the most first. */
const executedBlocks = () => coverage.since(/^file:/);
const folder = args.find((a, i) => !a.startsWith('--') && !['--repeat', '--profile-phase', '--count-phase'].includes(args[i - 1])
    && args[i - 2] !== '--profile-phase');
const validation = !args.includes('--no-validation');
const repeat = Number(args[args.indexOf('--repeat') + 1]) || 1;
const releasing = args.includes('--releasing');
// The releasing check runs with the check's services, as `minutes check` runs it (the editor's
// reference descriptions read their tree when asked, and so hold it).
const checkOnly = args.includes('--check-only') || releasing;
const langiumParser = args.includes('--langium-parser');
if (!folder) {
    console.error('usage: node --expose-gc bench/profile.mjs FOLDER [--no-validation] [--repeat N] [--check-only [--langium-parser]] [--releasing]');
    process.exit(2);
}


let gcMs = 0;
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });
const gc = globalThis.gc ?? (() => undefined);
/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
for (let round = 0; round < repeat; round++) {
    const phases = {};
    let t = cpuNow();
    const files = await minutesFilesUnder(folder);
    const texts = await Promise.all(files.map(f => fs.readFile(f, 'utf8')));
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    phases.read = cpuNow() - t;

    // The check's services are the command line's, without the editor's.
    const { shared, Minutes } = (checkOnly ? createMinutesCoreServices : createMinutesServices)(NodeFileSystem, { checkOnly, langiumParser });
    t = cpuNow();
    let tokens = 0;
    for (const text of texts) tokens += Minutes.parser.Lexer.tokenize(text).tokens.length;
    phases['lex (alone)'] = cpuNow() - t;

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    if (releasing) {
        // As `minutes check` in one thread: each file parsed, linked, validated and released in turn.
        const { checkReleasingTrees } = await import('../packages/cli/out/releasing-check.js');
        t = cpuNow();
        const result = await checkReleasingTrees({ shared, services: Minutes, sources: files.map((file, i) => ({ file, bytes: Buffer.from(texts[i], 'utf8'), reported: true })) });
        const total = cpuNow() - t;
        gc();
        const kept = process.memoryUsage().heapUsed - heapBefore;
        const diagnostics = result.checked.reduce((sum, d) => sum + d.diagnostics.length, 0);
        console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${tokens} tokens; ${diagnostics} diagnostics (no hints)`);
        console.log(`read ${phases.read.toFixed(0)} ms CPU, lex (alone) ${phases['lex (alone)'].toFixed(0)} ms CPU`);
        console.log(`parse, link and validate, file by file: ${total.toFixed(0)} ms CPU`);
        console.log(`trees released ${result.counts.released}, parsed again ${result.counts.parsedAgain}${result.keptEveryTree ? `; every tree kept (the scan of ${result.keptEveryTree} was wrong)` : ''}`);
        console.log(`heap kept by the workspace: ${(kept / 1e6).toFixed(0)} MB (${(kept / bytes).toFixed(1)}x source); peak RSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
        continue;
    }
    const builder = shared.workspace.DocumentBuilder;
    const names = {
        [DocumentState.IndexedContent]: 'index exports',
        [DocumentState.ComputedScopes]: 'local scopes',
        [DocumentState.Linked]: 'link',
        [DocumentState.IndexedReferences]: 'index references',
        [DocumentState.Validated]: 'validate'
    };
    let phaseStart;
    const phaseNames = Object.values(names);
    for (const [state, name] of Object.entries(names)) {
        builder.onBuildPhase(Number(state), async () => {
            const now = cpuNow();
            phases[name] = now - phaseStart;
            // The phase that ends here, and the one that starts.
            const next = phaseNames[phaseNames.indexOf(name) + 1];
            if (name === profiledPhase) {
                const { profile } = await inspector.post('Profiler.stop');
                await fs.writeFile(profileFile, JSON.stringify(profile));
            }
            if (name === countedPhase) counted = await executedBlocks();
            if (profiledPhase && next === profiledPhase) {
                await inspector.post('Profiler.enable');
                await inspector.post('Profiler.start');
            }
            if (countedPhase && next === countedPhase) await executedBlocks();
            phaseStart = cpuNow();
        });
    }
    let counted;
    const gcBefore = gcMs;
    // fromString parses at once (as the CLI's loading does): that is the parse phase.
    t = cpuNow();
    const documents = files.map((file, i) => shared.workspace.LangiumDocumentFactory.fromString(texts[i], URI.file(file)));
    phases['parse (lex + parse)'] = cpuNow() - t;
    for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
    phaseStart = cpuNow();
    await builder.build(documents, { validation });
    const total = cpuNow() - t;
    await new Promise(resolve => setImmediate(resolve)); // let the observer report
    console.log(`garbage collection during parse and build: ${(gcMs - gcBefore).toFixed(0)} ms (wall)`);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const diagnostics = documents.reduce((sum, d) => sum + (d.diagnostics?.length ?? 0), 0);
    console.log(`\n${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${tokens} tokens; ${diagnostics} diagnostics`);
    for (const [name, ms] of Object.entries(phases)) console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms CPU`);
    console.log(`${'total'.padEnd(22)} ${total.toFixed(0).padStart(7)} ms CPU`);
    if (counted !== undefined) {
        console.log(`${countedPhase}: ${counted.count.toLocaleString('en')} blocks of JavaScript executed; the functions that executed most:`);
        for (const [name, blocks] of counted.byFunction.slice(0, 40)) console.log(`${blocks.toLocaleString('en').padStart(14)}  ${name}`);
    }
    if (profiledPhase) console.log(`profile of ${profiledPhase}: ${profileFile}`);
    console.log(`heap kept by the workspace: ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB (${((heapAfter - heapBefore) / bytes).toFixed(1)}x source)`);
    const blockTrees = blockTreeCacheOf(Minutes.parser.LangiumParser);
    if (blockTrees) {
        const blocks = documents.reduce((sum, d) => sum + (d.parseResult.value.blocks?.length ?? 0), 0);
        console.log(`syntax trees of blocks made when asked: ${blockTrees.made} for ${blocks} blocks`);
    }
    void Minutes;
}
