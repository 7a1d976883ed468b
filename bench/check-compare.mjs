#!/usr/bin/env node
/**
 * Compares what two builds of `minutes check` print, byte for byte, with their exit codes:
 * `--format json` and `--format text`, in one thread and with `--threads 2`, over folders
 * given on the command line and a few crafted workspaces of cross-file cases (written to
 * a temporary folder: an `update #id` naming an action of an earlier and of a later file,
 * a person declared in a later file, an identifier used in three files, a name clash
 * between two directory files, an action line the scan of exports cannot see, an update
 * dated before its action).
 *
 *   node bench/check-compare.mjs BASE_BIN [FOLDER …]
 *
 * BASE_BIN is the reference build's `bin/minutes.js` (for example a copy of main's
 * packages/cli with its dist); the other build is this repository's packages/cli. A
 * folder of the bench's workload must be copied out of the repository first: its
 * .gitignore leaves bench/workload/ out of a check. Exits 1 when any output differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const [baseBin, ...folders] = process.argv.slice(2);
if (!baseBin) {
    console.error('usage: node bench/check-compare.mjs BASE_BIN [FOLDER …]');
    process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const newBin = path.join(here, '..', 'packages', 'cli', 'bin', 'minutes.js');

/** The crafted workspaces: each a folder of files. */
const CRAFTED = {
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

function writeCrafted(root) {
    for (const [name, files] of Object.entries(CRAFTED)) {
        mkdirSync(path.join(root, name));
        for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, name, file), text);
    }
    return Object.keys(CRAFTED).map(name => path.join(root, name));
}

function run(bin, args) {
    const result = spawnSync(process.execPath, [bin, 'check', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, MINUTES_THREADS: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const crafted = mkdtempSync(path.join(tmpdir(), 'check-compare-'));
let differences = 0;
try {
    for (const folder of [...folders, ...writeCrafted(crafted)]) {
        for (const format of ['json', 'text']) {
            for (const threads of [[], ['--threads', '2']]) {
                const args = [folder, '--format', format, ...threads];
                const base = run(baseBin, args);
                const now = run(newBin, args);
                const same = base.status === now.status && base.stdout === now.stdout;
                if (!same) differences++;
                console.log(`${same ? 'same' : 'DIFFERENT'}  ${path.basename(folder)} ${args.slice(1).join(' ')}  exit ${base.status}/${now.status}, ${base.stdout.length} bytes`);
                if (base.status === 2 || now.status === 2) console.log(`  ${base.stderr.trim()} | ${now.stderr.trim()}`);
            }
        }
    }
} finally {
    rmSync(crafted, { recursive: true, force: true });
}
console.log(differences === 0 ? 'every output the same' : `${differences} outputs differ`);
process.exitCode = differences === 0 ? 0 : 1;
