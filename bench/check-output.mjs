#!/usr/bin/env node
/**
 * Records what `minutes check` prints (and its exit code) over the repository's notes and the
 * bench's workspaces, one file per run, so that a change meant to make the check faster can be
 * shown to change no diagnostic: record with the CLI before the change, again after, and
 * compare the two folders (`diff -r`).
 *
 *   node bench/check-output.mjs OUT_DIR [--bin path/to/bin/minutes.js] [--language path/to/out] [--quick] [--in-process]
 *
 * Runs, each in `--format json` and `--format text`: every folder of the test fixtures, each
 * file of fixtures/validation and fixtures/regressions alone, examples/ and corpus/ (also with
 * `--overdue`, measured against a fixed day), the bench's 1 MB report and its 1,000-file
 * workspaces with and without unresolved names, and small workspaces of cross-file cases
 * (CROSS_FILE); the folders in one thread and in two.
 * `--quick` leaves out the 1,000-file workspaces; `--in-process` leaves out the CLI's runs (below). The CLI runs from the repository's root, so
 * that the paths it prints are the same from one run to the next.
 *
 * The CLI prints neither hints nor information, and builds with the check's services: so the
 * same folders are also built in this process, with the editor's services and with the
 * check's, and every diagnostic of every document is recorded whole (range, severity, code,
 * message, data). `--language` names the language package's `out` folder to build with (a
 * copy of the one before the change; by default the repository's).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { minutesFilesUnder } from './lib/minutes-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = name => args.includes(name) ? resolve(args[args.indexOf(name) + 1]) : undefined;
const out = args.find((arg, i) => !arg.startsWith('--') && !['--bin', '--language'].includes(args[i - 1]));
const bin = option('--bin') ?? join(root, 'packages/cli/bin/minutes.js');
const language = option('--language') ?? join(root, 'packages/language/out');
const quick = args.includes('--quick');
const inProcessOnly = args.includes('--in-process');
if (!out) {
    console.error('usage: node bench/check-output.mjs OUT_DIR [--bin path/to/bin/minutes.js] [--quick]');
    process.exit(2);
}

const fixtures = 'packages/language/test/fixtures';
const workload = 'bench/workload/full';
const folders = [
    ...readdirSync(join(root, fixtures), { withFileTypes: true }).filter(entry => entry.isDirectory()).map(entry => `${fixtures}/${entry.name}`),
    'examples', 'corpus', `${workload}/large`,
    ...(quick ? [] : [`${workload}/ws-1000`, `${workload}/ws-1000-unresolved`])
];
/**
 * Workspaces of cross-file cases, written to a fixed folder outside the repository (so that the
 * paths printed are the same from one run to the next): an `update #id` naming an action of an
 * earlier and of a later file, a person declared in a later file, an identifier used in three
 * files, a name clash between two directory files, actions the scan of exports cannot see
 * (cli/src/releasing-check.ts), an update dated before its action.
 */
const CROSS_FILE = {
    'update-across-files': {
        'a.minutes': 'meeting: First\ndate: 2024-01-10\nattendees:\n- @ana\n\naction #plan @ana: Draft the plan.\naction #late @ana: Agreed before its update.\n\nupdate #forward done: Names an action of a later file.\n',
        'b.minutes': 'meeting: Second\ndate: 2024-02-10\nattendees:\n- @ana\n\nupdate #plan done: The plan is drafted.\nupdate #nowhere open: No such action.\naction #forward @ana: Agreed in a later file.\n',
        'c.minutes': 'meeting: Third\ndate: 2023-12-01\nattendees:\n- @ana\n\nupdate #late done: Dated before the meeting that agreed it.\n',
        'people.minutes': 'person @ana Ana Example\n'
    },
    'person-declared-later': {
        'a.minutes': 'meeting: Early\ndate: 2024-03-01\nattendees:\n- @bo\n- @cy\n\n@bo: Hello.\n@cy: Hi.\n@dee: Not declared anywhere.\n',
        'b.minutes': 'meeting: Later\ndate: 2024-03-02\nattendees:\n- @bo\n\n@bo: Declared below.\n\nperson @bo Bo Later\nperson @cy Cy Later\n'
    },
    'duplicate-ids': {
        'a.minutes': 'meeting: One\ndate: 2024-04-01\n\naction #same @{Someone Unknown}: First.\n',
        'b.minutes': 'meeting: Two\ndate: 2024-04-02\n\naction #same: Second.\naction #Same: Third, another spelling.\n',
        'c.minutes': 'meeting: Three\ndate: 2024-04-03\n\naction #same: Fourth.\nupdate #same done: Which one?\n'
    },
    'directory-clash': {
        'directory-a.minutes': 'person @kim Kim Lee\n  alias: KL\norg @acme Acme Corporation\n',
        'directory-b.minutes': 'person @kim Kim Other\nperson @lee Kim Lee\n  alias: KL\n',
        'meeting.minutes': 'meeting: Clash\ndate: 2024-05-01\nattendees:\n- @kim\n- @KL\n\n@kim: Which Kim?\naction #x @acme: Something.\n'
    },
    'scan-cannot-see': {
        'a.minutes': 'meeting: Hidden\ndate: 2024-06-01\n\n/* a comment\naction #hidden @x: inside a comment.\n*/\n  action #indented: An indented action.\nAction #Upper: Written with a capital.\naction #trail-.: Trailing punctuation.\n',
        'b.minutes': 'meeting: Reads\ndate: 2024-06-02\n\nupdate #hidden done: Names the commented one.\nupdate #upper done: By another spelling.\nupdate #trail done: Without the punctuation.\n'
    }
};
const crossFile = join(tmpdir(), 'minutes-check-output-cross-file');
rmSync(crossFile, { recursive: true, force: true });
for (const [name, files] of Object.entries(CROSS_FILE)) {
    mkdirSync(join(crossFile, name), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(crossFile, name, file), text);
}
folders.push(...Object.keys(CROSS_FILE).map(name => join(crossFile, name)));
const singleFiles = ['validation', 'regressions'].flatMap(folder =>
    readdirSync(join(root, fixtures, folder)).filter(name => name.endsWith('.minutes')).map(name => `${fixtures}/${folder}/${name}`));
const overdue = ['--overdue', '--today', '2026-12-06'];

/** Each run: a name for its file, and the arguments after `check`. */
const runs = [];
for (const format of ['json', 'text']) {
    for (const folder of folders) {
        for (const threads of ['1', '2']) runs.push([`${folder} ${format} threads-${threads}`, [folder, '--format', format, '--threads', threads]]);
    }
    for (const folder of ['examples', 'corpus']) runs.push([`${folder} ${format} overdue`, [folder, '--format', format, ...overdue]]);
    for (const file of singleFiles) runs.push([`${file} ${format}`, [file, '--format', format]]);
}

mkdirSync(out, { recursive: true });
for (const [name, checkArgs] of inProcessOnly ? [] : runs) {
    const result = spawnSync(process.execPath, [bin, 'check', ...checkArgs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const file = join(out, name.replace(/[/ ]/g, '_'));
    writeFileSync(file, `exit ${result.status}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`);
    console.log(`${name}: exit ${result.status}, ${result.stdout.length} characters`);
}

const { createMinutesCoreServices } = await import(pathToFileURL(join(language, 'index.js')).href);
const { createMinutesServices } = await import(pathToFileURL(join(language, 'editor.js')).href);
const { NodeFileSystem } = await import('langium/node');
const { URI } = await import('langium');
for (const folder of folders) {
    for (const checkOnly of [false, true]) {
        // The check's services (the command line's, without the editor's) against the editor's.
        const { shared } = checkOnly ? createMinutesCoreServices(NodeFileSystem, { checkOnly }) : createMinutesServices(NodeFileSystem);
        const files = await minutesFilesUnder(resolve(root, folder));
        const documents = files.map(file => shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file)));
        for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const lines = documents.map(document => `${relative(root, document.uri.fsPath)}\n${(document.diagnostics ?? []).map(d => JSON.stringify(d)).join('\n')}`);
        const name = `${folder} in-process ${checkOnly ? 'check' : 'editor'}`;
        writeFileSync(join(out, name.replace(/[/ ]/g, '_')), lines.join('\n') + '\n');
        console.log(`${name}: ${documents.reduce((sum, d) => sum + (d.diagnostics?.length ?? 0), 0)} diagnostics`);
    }
}
