import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
import { nameKey, scanExports } from 'minutes-language';
import { problemsOf, type Problem } from '../src/problems.js';
import { checkInParallel } from '../src/parallel-check.js';
import { checkReleasingTrees, parseWhenRead, type ReleasingCheckResult, type ShardOfCheck } from '../src/releasing-check.js';
import { buildWorkspace, collectFiles, createCliServices, readWorkspaceSources } from '../src/workspace.js';
import { InThreadRunner } from './helpers/in-thread-runner.js';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * `minutes check` in one thread releases each file's tree once no later file reads it
 * (releasing-check.ts): its problems must be those of a check that keeps every tree, in
 * the same order, whatever one file reads of another.
 */
async function sourcesOf(folder: string) {
    const services = createCliServices({ checkOnly: true });
    const files = await collectFiles([folder], services.shared.workspace.MinutesConfigs);
    return readWorkspaceSources(files, { services, warn: () => undefined });
}

async function keepingEveryTree(folder: string): Promise<Problem[]> {
    return problemsOf((await buildWorkspace(await sourcesOf(folder))).documents);
}

async function releasing(folder: string): Promise<{ problems: Problem[]; result: ReleasingCheckResult }> {
    const result = await checkReleasingTrees(await sourcesOf(folder));
    return { problems: problemsOf(result.checked), result };
}

/** V8's collector, reached as the language's memory tests reach it: the flag set, then read in a new context. */
function collector(): () => void {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
}

/** A directory first, then meetings that read each other: each case that reads another file's tree or index entries. */
const SERIES: Record<string, string> = {
    'a-directory.minutes': 'person @ana Ana Example\n  alias: AE\nperson @kim Kim Lee\n  alias: KL\norg @acme Acme Corporation\n',
    'b-first.minutes': 'meeting: First\ndate: 2024-01-10\nattendees:\n- @ana\n- @bo\n\n@bo: Declared in a later file.\n\naction #plan @ana: Draft the plan.\naction #late @ana: Agreed after a meeting that reports on it.\naction #same @kim: Also agreed in two other files.\n\nupdate #forward done: Names an action of a later file.\n',
    'c-second.minutes': 'meeting: Second\ndate: 2024-02-10\nattendees:\n- @ana\n\nupdate #plan done: The plan is drafted.\nupdate #nowhere open: No such action.\naction #forward @ana: Agreed here, reported on in an earlier file.\naction #Same: The same identifier, another spelling.\n',
    'd-earlier.minutes': 'meeting: Dated before the first\ndate: 2023-12-01\nattendees:\n- @ana\n\nupdate #late done: Before the meeting that agreed it.\nupdate #same done: Which of three?\n',
    'e-people.minutes': 'meeting: Declares people\ndate: 2024-03-01\n\n@ana: Welcome.\n\nperson @bo Bo Later\nperson @kim Kim Other\n  alias: KL\n\naction #same @bo: A third time.\nupdate #plan open: Reopened.\n',
    'f-last.minutes': 'meeting: Last\ndate: 2024-04-01\nattendees:\n- @KL\n- @dee\n\n@KL: Which Kim?\n@eve: Not declared anywhere.\nupdate #forward done: Done.\n'
};

describe('files that may declare parties, parsed as soon as they are read', () => {
    /** The releasing check of `folder`, its files that may declare parties parsed when read (with `parsing`'s services); how many parses each set of services made. */
    async function parsedWhenRead(folder: string, parsing: 'the check\'s services' | 'other services') {
        const services = createCliServices({ checkOnly: true });
        const other = createCliServices({ checkOnly: true });
        const parses = new Map<object, number>();
        for (const set of [services, other]) {
            const factory = set.shared.workspace.LangiumDocumentFactory;
            const fromString = factory.fromString.bind(factory);
            factory.fromString = ((...args: Parameters<typeof fromString>) => {
                parses.set(set, (parses.get(set) ?? 0) + 1);
                return fromString(...args);
            }) as typeof factory.fromString;
        }
        const files = await collectFiles([folder], services.shared.workspace.MinutesConfigs);
        const early = parsing === 'the check\'s services' ? services : other;
        const read = await readWorkspaceSources(files, { services, warn: () => undefined, onRead: source => parseWhenRead(early, source) });
        const result = await checkReleasingTrees(read);
        return { problems: problemsOf(result.checked), result, parsedByCheck: parses.get(services) ?? 0, parsedByOther: parses.get(other) ?? 0 };
    }

    test('the check takes their documents: each file parsed once, the same problems', async () => {
        const folder = tempWorkspace(SERIES);
        const expected = await keepingEveryTree(folder);
        const { problems, result, parsedByCheck, parsedByOther } = await parsedWhenRead(folder, 'the check\'s services');
        expect(problems).toEqual(expected);
        expect(result.counts).toEqual({ released: 4, parsedAgain: 0 });
        // Six files, the directory and e-people parsed when read.
        expect([parsedByCheck, parsedByOther]).toEqual([6, 0]);
    });

    test('a check with other services parses them again, and gives the same problems', async () => {
        const folder = tempWorkspace(SERIES);
        const { problems, parsedByCheck, parsedByOther } = await parsedWhenRead(folder, 'other services');
        expect(problems).toEqual(await keepingEveryTree(folder));
        expect([parsedByCheck, parsedByOther]).toEqual([6, 2]);
    });
});

describe('a check that releases trees, against one that keeps them', () => {
    test('the same problems where files read each other: parties, updates both ways, identifiers used twice, name clashes', async () => {
        const folder = tempWorkspace(SERIES);
        const expected = await keepingEveryTree(folder);
        const { problems, result } = await releasing(folder);
        expect(problems).toEqual(expected);
        const codes = new Set(expected.map(problem => problem.code));
        for (const code of ['duplicate-action-id', 'unknown-action', 'update-before-action', 'unknown-speaker']) expect(codes).toContain(code);
        // The files that declare people (the directory, e-people) keep their trees; the other four are released, none read again.
        expect(result.keptEveryTree).toBeUndefined();
        expect(result.counts).toEqual({ released: 4, parsedAgain: 0 });
    });

    test('the same problems when only some files are asked for, and the directory is context', async () => {
        const folder = tempWorkspace(SERIES);
        const asked = ['c-second.minutes', 'f-last.minutes'].map(name => `${folder}/${name}`);
        const services = createCliServices({ checkOnly: true });
        const read = await readWorkspaceSources(asked, { services, warn: () => undefined });
        const again = await readWorkspaceSources(asked, { services: createCliServices({ checkOnly: true }), warn: () => undefined });
        expect(problemsOf((await checkReleasingTrees(read)).checked)).toEqual(problemsOf((await buildWorkspace(again)).documents));
    });

    test('an action the scan of exports cannot see (in a block comment) makes the check keep every tree, with the same problems', async () => {
        const folder = tempWorkspace({
            'a.minutes': 'meeting: Hidden\ndate: 2024-06-01\n\n/* a comment\naction #hidden @x: inside a comment.\n*/\n  action #indented: An indented action.\n',
            'b.minutes': 'meeting: Reads\ndate: 2024-06-02\n\nupdate #hidden done: Names the commented one.\nupdate #indented done: Found.\n'
        });
        const expected = await keepingEveryTree(folder);
        const { problems, result } = await releasing(folder);
        expect(result.keptEveryTree).toMatch(/a\.minutes$/);
        expect(problems).toEqual(expected);
        expect(expected.map(problem => problem.code)).toContain('unknown-action');
    });

    test('the scan finds what the parser finds where it can see it: indented, capitalised, trailing punctuation, CRLF', async () => {
        const text = 'meeting: M\r\ndate: 2024-01-01\r\n\r\n  action #one @x: Indented.\r\nAction #Two: Capitalised.\r\naction #three-.: Trailing.\r\naction without an identifier: none.\r\naction #four and no colon\r\n- action #five: a bullet is prose.\r\nupdate #one done.\r\n';
        const scan = scanExports(text);
        expect(scan.actions.map(action => [action.name, action.line, action.character])).toEqual([['one', 3, 9], ['Two', 4, 7], ['three', 5, 7]]);
        expect(scan.mayDeclareParties).toBe(false);
        expect(scanExports('meeting: M\n\nOrganisation @x The X\n').mayDeclareParties).toBe(true);
        const folder = tempWorkspace({ 'a.minutes': text, 'b.minutes': 'meeting: N\ndate: 2024-02-01\n\nupdate #two done: Found.\nupdate #three done: Found.\n' });
        const { problems, result } = await releasing(folder);
        expect(result.keptEveryTree).toBeUndefined();
        expect(problems).toEqual(await keepingEveryTree(folder));
    });

    test('the scan places each identifier on the line and column a position gives it, whatever ends the lines (\\n, \\r\\n, a lone \\r)', () => {
        const breaks = ['\n', '\r\n', '\r', '\n\n', '\r\r\n', '\r\n\r'];
        const lines = Array.from({ length: 60 }, (_, i) => i % 3 === 0 ? `action #a${i} @x: Do ${i}.` : i % 3 === 1 ? `  Prose ${i}.` : `ACTION #b${i}: ${i}.`);
        const text = 'meeting: M' + lines.map((line, i) => breaks[(i * 7) % breaks.length] + line).join('');
        const document = TextDocument.create('file:///scan.minutes', 'minutes', 1, text);
        const scanned = scanExports(text).actions;
        expect(scanned).toHaveLength(40);
        for (const action of scanned) {
            expect([action.name, action.line, action.character]).toEqual([action.name, document.positionAt(action.offset).line, document.positionAt(action.offset).character]);
        }
    });

    test('the scan finds the identifiers after `update` that the search /update[ \\t]+(?=#)/gi finds, for every text tried', () => {
        // The scan goes from each `#` back; the search it replaced reads each identifier the same way after its match.
        const bySearch = (text: string) => {
            const keys = new Set<string>();
            const update = /update[ \t]+(?=#)/gi;
            const identifier = /[ \t\u00a0\ufeff\u3000\u2000-\u200a\u202f\u205f]*(#[\p{L}\p{N}\p{M}_][\p{L}\p{N}\p{M}_.-]*)/uy;
            for (let match = update.exec(text); match; match = update.exec(text)) {
                identifier.lastIndex = update.lastIndex;
                const id = identifier.exec(text);
                if (id) keys.add(nameKey(id[1]));
            }
            return [...keys];
        };
        const pieces = ['update', 'UPDATE', 'Update', 'upDate', 'updat', 'e', 'xupdate', ' ', '\t', '  ', '#', '#a1', '#Ü-2.', '##', '#.', 'ü', '\n', '\r\n', ':', 'done', '\u00a0', 'İ'];
        fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), parts => {
            const text = parts.join('');
            expect(scanExports(text).updateKeys).toEqual(bySearch(text));
        }), { numRuns: 20_000 });
    });

    test('minutes check in one thread prints what it printed keeping every tree', async () => {
        const folder = tempWorkspace(SERIES);
        const expected = await keepingEveryTree(folder);
        const result = await runCli(['check', folder, '--format', 'json', '--threads', '1']);
        expect(result.code).toBe(1);
        const printed = JSON.parse(result.stdout) as { problems: Array<{ line: number; code: string }> };
        expect(printed.problems.map(problem => [problem.line, problem.code])).toEqual(expected.map(problem => [problem.line, problem.code]));
    });

    test('a released tree is let go, though the next meeting\'s updates resolved to its actions', async () => {
        // Each meeting updates the action of the one before: its references lead into that tree,
        // whose own references led into the tree before it, and so on back to the first meeting.
        const prose = Array.from({ length: 300 }, (_, k) => `@ana: Point ${k} of the discussion, noted in full.`).join('\n');
        const files: Record<string, string> = { 'a-directory.minutes': 'person @ana Ana Example\n' };
        for (let i = 1; i <= 40; i++) {
            const name = `m${String(i).padStart(2, '0')}`;
            files[`${name}.minutes`] = `meeting: Meeting ${i}\ndate: 2024-01-${String(i % 28 + 1).padStart(2, '0')}\n\n${prose}\n\naction #${name}-1 @ana: Report back.\n`
                + (i > 1 ? `update #m${String(i - 1).padStart(2, '0')}-1 done: Reported.\n` : '');
        }
        const read = await sourcesOf(tempWorkspace(files));
        const gc = collector();
        // The heap after a full collection once each file is checked (WeakRefs would keep every tree to the
        // end of the job, and the check's awaits never leave it).
        const heap: number[] = [];
        const result = await checkReleasingTrees(read, () => {
            gc();
            heap.push(getHeapStatistics().used_heap_size);
        });
        expect(result.counts).toEqual({ released: 40, parsedAgain: 0 });
        expect(heap.length).toBe(41);
        // A tree of 300 turns holds about 0.5 MB: 30 of them kept would be 15 MB.
        expect(heap[40] - heap[10]).toBeLessThan(3_000_000);
    });

    test('a check keeps its files as bytes, and a released file lets go of its text, nor do its index entries, its problems or the trees made for them keep it: the heap holds none of the texts', async () => {
        // Two bytes a character in the heap (an em dash is not Latin-1): 40 texts of 100,000 characters are 8 MB.
        const prose = Array.from({ length: 3_000 }, (_, k) => `@ana: Point ${k} — noted in full.`).join('\n');
        const files: Record<string, string> = { 'a-directory.minutes': 'person @ana Ana Example\n' };
        // The index keeps each action's identifier to the end: a long one, cut from the text, would keep the text.
        for (let i = 1; i <= 40; i++) files[`m${String(i).padStart(2, '0')}.minutes`] = `meeting: Meeting ${i}\ndate: 2024-01-02\n\n${prose}\n\n@{Somebody Nobody Declared}: A name the directory lacks.\n\naction #publish-the-final-report-${i} @ana: Publish it.\n`;
        const textBytes = Object.values(files).reduce((sum, text) => sum + 2 * text.length, 0);
        expect(textBytes).toBeGreaterThan(8_000_000);
        const folder = tempWorkspace(files);
        const gc = collector();
        // What a first check makes once (the language's caches, the code) is not counted.
        await checkReleasingTrees(await sourcesOf(tempWorkspace({ 'a-directory.minutes': files['a-directory.minutes'], 'm.minutes': files['m01.minutes'] })));
        gc();
        const before = getHeapStatistics().used_heap_size;
        const read = await sourcesOf(folder);
        const result = await checkReleasingTrees(read);
        gc();
        const after = getHeapStatistics().used_heap_size;
        expect(result.counts.released).toBe(40);
        expect(read.sources).toHaveLength(41);
        expect(after - before).toBeLessThan(textBytes / 4);
    });
});

/** The check split over `count` threads (run here, as parallel-check.test.ts does), the later shards finishing first. */
async function inShards(folder: string, count: number, alter?: (shard: ShardOfCheck) => ShardOfCheck): Promise<ReleasingCheckResult> {
    const { sources } = await sourcesOf(folder);
    return checkInParallel(sources, Array.from({ length: count }, (_, i) => new InThreadRunner({ alter, delay: (count - i) * 5 })));
}

const fileName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

describe('the releasing check split over threads, each releasing the trees of its shard', () => {
    test('every split of files that read each other gives the same problems, and no tree is read again', async () => {
        const folder = tempWorkspace(SERIES);
        const expected = await keepingEveryTree(folder);
        for (const count of [2, 3, 4, 5, 6]) {
            const result = await inShards(folder, count);
            expect(problemsOf(result.checked), `${count} threads`).toEqual(expected);
            expect(result.keptEveryTree, `${count} threads`).toBeUndefined();
            expect(result.counts.parsedAgain, `${count} threads`).toBe(0);
            // Each of the four files that declare no party is released by the thread that validates it, at least.
            expect(result.counts.released, `${count} threads`).toBeGreaterThanOrEqual(4);
        }
    });

    test('a thread is sent the bytes of its shard, of the files that may declare parties, and of those its updates may read: no other', async () => {
        const folder = tempWorkspace(SERIES);
        const sent: string[][] = [];
        const record = (shard: ShardOfCheck) => {
            sent[shard.from] = shard.files.filter(file => file.bytes !== undefined).map(file => fileName(file.file));
            return shard;
        };
        await inShards(folder, 6, record);
        // Every thread parses and links the files that may declare parties (a, e), so reads what e's `update #plan` names (b).
        // b names #forward (agreed in c); c names #plan (b); d names #late and #same (b; c as #Same; e); f names #forward (c).
        expect(sent).toEqual([
            ['a-directory.minutes', 'b-first.minutes', 'e-people.minutes'],
            ['a-directory.minutes', 'b-first.minutes', 'c-second.minutes', 'e-people.minutes'],
            ['a-directory.minutes', 'b-first.minutes', 'c-second.minutes', 'e-people.minutes'],
            ['a-directory.minutes', 'b-first.minutes', 'c-second.minutes', 'd-earlier.minutes', 'e-people.minutes'],
            ['a-directory.minutes', 'b-first.minutes', 'e-people.minutes'],
            ['a-directory.minutes', 'b-first.minutes', 'c-second.minutes', 'e-people.minutes', 'f-last.minutes']
        ]);
    });

    test('a wrong scan found by one thread makes the whole check keep every tree, with the same problems', async () => {
        const folder = tempWorkspace({
            'a.minutes': 'meeting: Hidden\ndate: 2024-06-01\n\n/* a comment\naction #hidden @x: inside a comment.\n*/\naction #shown: Seen by both.\n',
            'b.minutes': 'meeting: Unrelated\ndate: 2024-06-02\n\n@y: Names nothing of the other file.\naction #shown: The same identifier.\n'
        });
        const expected = await keepingEveryTree(folder);
        const result = await inShards(folder, 2);
        expect(result.keptEveryTree).toMatch(/a\.minutes$/);
        expect(problemsOf(result.checked)).toEqual(expected);
        expect(expected.map(problem => problem.code)).toContain('duplicate-action-id');
    });

    test('minutes check --threads 2 prints what one thread prints, and nothing on standard error, also when a scan is wrong', async () => {
        const cannotSee = tempWorkspace({
            // The update comes first, in the first thread: it reads the action the scan saw in a comment, in the second's file.
            'a.minutes': 'meeting: Reads\ndate: 2024-06-02\n\nupdate #hidden done: Names the commented one.\nupdate #trail done: Names the last.\n',
            'b.minutes': 'meeting: Hidden\ndate: 2024-06-01\n\n/* a comment\naction #hidden @x: inside a comment.\n*/\naction #trail-.: Trailing punctuation.\n'
        });
        for (const folder of [tempWorkspace(SERIES), cannotSee]) {
            const one = await runCli(['check', folder, '--format', 'json', '--threads', '1']);
            const two = await runCli(['check', folder, '--format', 'json', '--threads', '2']);
            expect(two.stdout).toBe(one.stdout);
            expect(two.code).toBe(one.code);
            expect(one.stderr + two.stderr).toBe('');
        }
    });

    test('a thread that reads a file it was not sent makes the whole check keep every tree, with the same problems', async () => {
        const folder = tempWorkspace(SERIES);
        const expected = await keepingEveryTree(folder);
        // As if the bytes of the files an update may read were not sent: only the shard's and the parties'.
        const withheld = (shard: ShardOfCheck): ShardOfCheck => ({
            ...shard,
            files: shard.files.map((file, index) => index >= shard.from && index < shard.to || file.scan.mayDeclareParties ? file : { ...file, bytes: undefined })
        });
        const result = await inShards(folder, 6, withheld);
        expect(result.keptEveryTree).toMatch(/(b-first|c-second)\.minutes$/);
        expect(problemsOf(result.checked)).toEqual(expected);
    });
});
