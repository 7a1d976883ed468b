#!/usr/bin/env node
// The table "What the language cannot express yet" of corpus/README.md: for each record of
// corpus/, the words of its source, the source words its email loses, the paragraph breaks
// the email adds, and the errors and warnings of `minutes check`. Computed by the CLI itself
// (its bundle, packages/cli/dist, run in this process), never typed by hand:
//
//     npm run corpus:table             rebuild the bundle and rewrite the table in corpus/README.md
//     node scripts/corpus-table.mjs --check   exit 1, saying which rows differ, when it is stale
//
// packages/cli/test/corpus-table.test.ts fails when the README's table is stale. The method
// (what a word, a lost word and a break are) is the README's paragraph above the table.
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(root, 'corpus');
export const README = join(CORPUS, 'README.md');

/** The lines the table stands between in the README. */
export const TABLE_START = '<!-- corpus-table: written by `npm run corpus:table` (scripts/corpus-table.mjs); a test fails when it is stale -->';
export const TABLE_END = '<!-- /corpus-table -->';

/** Words: runs of letters, digits, underscores and apostrophes, so `chan\_sip45` is two words and `chan_sip45` one. */
const WORD = /[\p{L}\p{N}_'’]+/gu;

export function wordsOf(text) {
    return text.match(WORD) ?? [];
}

/**
 * How many words of `source` a diff of the two sequences finds no match for in `target`:
 * a moved word counts as lost where it left. The diff is Python's difflib.SequenceMatcher
 * (no junk, autojunk off: the longest common run first, then the same on each side of it),
 * with which the table's first figures were measured.
 */
export function lostWords(source, target) {
    const positions = new Map();
    target.forEach((word, j) => {
        const list = positions.get(word);
        if (list) list.push(j);
        else positions.set(word, [j]);
    });
    let matched = 0;
    const queue = [[0, source.length, 0, target.length]];
    while (queue.length > 0) {
        const [aLow, aHigh, bLow, bHigh] = queue.pop();
        const [i, j, size] = longestMatch(source, positions, aLow, aHigh, bLow, bHigh);
        if (size === 0) continue;
        matched += size;
        if (aLow < i && bLow < j) queue.push([aLow, i, bLow, j]);
        if (i + size < aHigh && j + size < bHigh) queue.push([i + size, aHigh, j + size, bHigh]);
    }
    return source.length - matched;
}

/** The longest run of `source[aLow, aHigh)` found in the target within `[bLow, bHigh)`: the earliest in the source, then in the target. */
function longestMatch(source, positions, aLow, aHigh, bLow, bHigh) {
    let best = [aLow, bLow, 0];
    // Length of the run ending at each target position, for the previous source word.
    let runs = new Map();
    for (let i = aLow; i < aHigh; i++) {
        const next = new Map();
        for (const j of positions.get(source[i]) ?? []) {
            if (j < bLow) continue;
            if (j >= bHigh) break;
            const size = (runs.get(j - 1) ?? 0) + 1;
            next.set(j, size);
            if (size > best[2]) best = [i - size + 1, j - size + 1, size];
        }
        runs = next;
    }
    return best;
}

/**
 * Paragraph cuts the source does not have: a blank line, before a line that starts in lower
 * case, after a line that does not end a sentence (`.`, `:`, `?`, `!`).
 */
export function breaksIn(email) {
    const lines = email.split('\n');
    let breaks = 0;
    for (let i = 2; i < lines.length; i++) {
        if (lines[i - 1].trim() === '' && /^\p{Lowercase}/u.test(lines[i].trim())
            && lines[i - 2].trim() !== '' && !/[.:?!]$/.test(lines[i - 2].trimEnd())) breaks++;
    }
    return breaks;
}

/** A stream that keeps what is written to it. */
function collector() {
    const stream = { text: '', isTTY: false, write(chunk) { stream.text += chunk; return true; } };
    return stream;
}

/** Runs `minutes` with these arguments in this process; what it writes to standard output. */
async function run(main, args) {
    const stdout = collector();
    const stderr = collector();
    const code = await main(args, { stdout, stderr });
    if (code === 2) throw new Error(`minutes ${args.join(' ')} failed: ${stderr.text}`);
    return stdout.text;
}

/** The record's source text as retrieved: its one source.md or source.txt. */
function sourceOf(folder) {
    const sources = readdirSync(join(CORPUS, folder)).filter(name => /^source\.(md|txt)$/.test(name));
    if (sources.length !== 1) throw new Error(`corpus/${folder}: expected one source.md or source.txt, found ${sources.length}`);
    return readFileSync(join(CORPUS, folder, sources[0]), 'utf8');
}

/**
 * The figures of every record, in folder order, from the CLI's bundle (packages/cli/dist:
 * `npm run bundle --workspace packages/cli` writes it from the sources).
 */
export async function measureCorpus() {
    const bundle = join(root, 'packages/cli/dist/main.js');
    if (!existsSync(bundle)) throw new Error('packages/cli/dist/main.js is missing: npm run corpus:table writes it first');
    const { main } = await import(pathToFileURL(bundle).href);
    const folders = readdirSync(CORPUS, { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => entry.name).sort();
    const rows = [];
    for (const folder of folders) {
        const path = join(CORPUS, folder);
        const { problems } = JSON.parse(await run(main, ['check', path, '--format', 'json']));
        // --force changes nothing where the file has no errors.
        const email = await run(main, ['generate', join(path, `${folder}.minutes`), '--format', 'email', '-w', '0', '--force']);
        const source = wordsOf(sourceOf(folder));
        rows.push({
            folder,
            words: source.length,
            lost: lostWords(source, wordsOf(email)),
            breaks: breaksIn(email),
            errors: problems.filter(problem => problem.severity === 'error').length,
            warnings: problems.filter(problem => problem.severity === 'warning').length
        });
    }
    return rows;
}

const COLUMNS = ['words', 'lost', 'breaks', 'errors', 'warnings'];

/** The table in the README's Markdown, a total row last. */
export function formatTable(rows) {
    const total = Object.fromEntries(COLUMNS.map(column => [column, rows.reduce((sum, row) => sum + row[column], 0)]));
    const line = (label, row) => `| ${label} | ${COLUMNS.map(column => row[column]).join(' | ')} |`;
    return [
        '| folder | source words | lost | breaks | errors | warnings |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows.map(row => line(`\`${row.folder}\``, row)),
        line(`**total (${rows.length} records)**`, total)
    ].join('\n');
}

/** The table the README holds between its markers. */
export function tableIn(readme) {
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    if (start < 0 || end < start) throw new Error(`corpus/README.md: the table's markers are missing (${TABLE_START} … ${TABLE_END})`);
    return readme.slice(start + TABLE_START.length, end).trim();
}

function withTable(readme, table) {
    tableIn(readme);
    return `${readme.slice(0, readme.indexOf(TABLE_START) + TABLE_START.length)}\n\n${table}\n\n${readme.slice(readme.indexOf(TABLE_END))}`;
}

/** The rows of two tables that differ, as `- was` / `+ now` lines. */
export function rowsChanged(written, computed) {
    const before = written.split('\n');
    const after = computed.split('\n');
    return [...before.filter(row => !after.includes(row)).map(row => `- ${row}`), ...after.filter(row => !before.includes(row)).map(row => `+ ${row}`)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const readme = readFileSync(README, 'utf8');
    const table = formatTable(await measureCorpus());
    const changed = rowsChanged(tableIn(readme), table);
    if (process.argv.includes('--check')) {
        if (changed.length > 0) {
            console.error(`corpus/README.md: the table is stale (run npm run corpus:table):\n${changed.join('\n')}`);
            process.exitCode = 1;
        }
    } else if (changed.length > 0) {
        // Written whole or not at all.
        writeFileSync(`${README}.tmp`, withTable(readme, table));
        renameSync(`${README}.tmp`, README);
        console.log(`corpus/README.md: the table rewritten:\n${changed.join('\n')}`);
    } else {
        console.log('corpus/README.md: the table is up to date');
    }
}
