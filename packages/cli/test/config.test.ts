import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { LspClient } from '../../language/test/helpers/lsp-client.js';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/**
 * A notes repository with a `.minutes.jsonc` at its root, meetings in a subfolder and a
 * directory elsewhere: `minutes check FILE` of each file, `minutes check .` and the language
 * server must agree diagnostic for diagnostic (what pre-commit and lint-staged run is the first).
 */
const CONFIG = `// The notes repository's configuration: JSON with comments.
{
  "directory": ["people/*.minutes", "20*/**/*.minutes"],
  "ignore": ["drafts/"],
  "rules": {
    "silent-attendee": "off",     // a hint we do not want
    "meeting-without-date": "error",
    "empty-intervention": "off",
  },
  "attribution": "organisation",
  "email": { "width": 40, "from": "Secretariat <secretariat@example.org>" }
}
`;
const PEOPLE = 'person @ttropina Tatiana Tropina\n  org: @MPI\nperson @mcade Marilyn Cade\n\norg @MPI Max Planck Institute\n  stakeholder: academia\n';
const FILES: Record<string, string> = {
    '.minutes.jsonc': CONFIG,
    '.gitignore': 'scratch/\n',
    'people/directory.minutes': PEOPLE,
    '2025/03/call.minutes': 'meeting: A call\ndate: 2025-03-19\n\nattendees:\n- @ttropina\n- @mcade\n\n@ttropina: Hello.\n@{Marilyn Kade}: Hello back.\n',
    '2025/undated.minutes': 'meeting: No date\n\n@ttropina: Something.\n',
    '2025/suppressed.minutes': 'meeting: Suppressed\ndate: 2025-04-01\n\n// minutes-disable-next-line unknown-speaker -- a guest we do not list\n@guest: Hello.\n@other: Not suppressed.\n',
    '2025/wrong-suppression.minutes': 'meeting: Wrong code\ndate: 2025-04-02\n\n// minutes-disable-next-line unknown-mention\n@guest: Still reported.\n',
    'drafts/draft.minutes': 'meeting: Draft\n\n@nobody: Not checked.\n',
    'scratch/scratch.minutes': 'meeting: Scratch\n\n@nobody: Not checked either.\n'
};
const CHECKED = ['2025/03/call.minutes', '2025/suppressed.minutes', '2025/undated.minutes', '2025/wrong-suppression.minutes', 'people/directory.minutes'];

let root: string;
beforeAll(() => {
    root = tempWorkspace(FILES);
});

/** `file:line:col: severity message [code]` lines of `minutes check` output. */
function problemLines(stdout: string): string[] {
    return stdout.split('\n').filter(line => /^\S+:\d+:\d+: /.test(line));
}

/** The codes of what the language server shows for each of `opened`, opened in turn in a workspace of `files`. */
async function codesShown(files: Record<string, string>, opened: string[]): Promise<string[][]> {
    const folder = tempWorkspace(files);
    const client = await LspClient.start(folder);
    try {
        const codes: string[][] = [];
        for (const file of opened) {
            const uri = client.uriOf(path.join(folder, file));
            await client.open(uri, files[file]);
            codes.push((await client.published(uri, () => true)).diagnostics.map(d => String(d.code)));
        }
        return codes;
    } finally {
        await client.stop();
    }
}

describe('a .minutes.jsonc at the repository root', () => {
    let whole: string[];
    beforeAll(async () => {
        const result = await runCli(['check', '.'], { cwd: root });
        whole = problemLines(result.stdout);
        expect(result.stdout).toContain(`checked ${CHECKED.length} files`);
    });

    test('minutes check . applies the rules, the suppression, the ignore list and .gitignore', () => {
        expect(whole).toEqual([
            "2025/03/call.minutes:9:1: error Unknown speaker 'Marilyn Kade'. Did you mean 'Marilyn Cade'? [unknown-speaker]",
            "2025/suppressed.minutes:6:1: error Unknown speaker 'other'. No person or organisation in the directory has this name. [unknown-speaker]",
            "2025/undated.minutes:1:1: error Meeting 'No date' has no date: add a line such as 'date: 2018-03-19'. [meeting-without-date]",
            "2025/wrong-suppression.minutes:5:1: error Unknown speaker 'guest'. No person or organisation in the directory has this name. [unknown-speaker]"
        ]);
    });

    test.each(CHECKED)('minutes check %s reports exactly what minutes check . reports for it', async file => {
        const result = await runCli(['check', file], { cwd: root });
        expect(problemLines(result.stdout)).toEqual(whole.filter(line => line.startsWith(`${file}:`)));
        expect(result.stdout).toContain('checked 1 file:');
    });

    test('each file checked from its own folder, as a hook in a subfolder runs it, gives the same', async () => {
        const result = await runCli(['check', 'call.minutes'], { cwd: path.join(root, '2025/03') });
        expect(problemLines(result.stdout)).toEqual(whole.filter(line => line.startsWith('2025/03/call.minutes:')).map(line => line.replace('2025/03/', '')));
    });

    test('quoted globs are expanded, and ignored files named on the command line are left out', async () => {
        const globbed = await runCli(['check', '2025/**/*.minutes', 'drafts/draft.minutes', 'scratch/*.minutes'], { cwd: root });
        expect(problemLines(globbed.stdout)).toEqual(whole.filter(line => line.startsWith('2025/')));
        expect(globbed.stdout).toContain('checked 4 files:');
    });

    test('the language server shows the same diagnostics, file by file, and none for ignored files', async () => {
        const client = await LspClient.start(root);
        try {
            const shown: string[] = [];
            for (const file of [...CHECKED, 'drafts/draft.minutes', 'scratch/scratch.minutes']) {
                const uri = client.uriOf(path.join(root, file));
                await client.open(uri, readFileSync(path.join(root, file), 'utf8'));
                const { diagnostics } = await client.published(uri, () => true);
                for (const d of diagnostics) {
                    if (d.severity === 4) continue; // hints stay in the editor, as the CLI says
                    const severity = d.severity === 1 ? 'error' : 'warning';
                    shown.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.message.replace(/\s*\n\s*/g, ' ')} [${String(d.code)}]`);
                }
            }
            expect(shown).toEqual(whole);
            expect(client.loggedErrors).toEqual([]);
        } finally {
            await client.stop();
        }
    });

    test('the language server reads the configuration again when it changes on disk', async () => {
        const folder = tempWorkspace({ ...FILES });
        const client = await LspClient.start(folder);
        try {
            const file = path.join(folder, '2025/undated.minutes');
            const uri = client.uriOf(file);
            await client.open(uri, readFileSync(file, 'utf8'));
            const before = await client.published(uri, diagnostics => diagnostics.some(d => d.code === 'meeting-without-date'));
            expect(before.diagnostics.find(d => d.code === 'meeting-without-date')?.severity).toBe(1);
            writeFileSync(path.join(folder, '.minutes.jsonc'), CONFIG.replace('"meeting-without-date": "error"', '"meeting-without-date": "off"'));
            await client.filesChanged({ uri: client.uriOf(path.join(folder, '.minutes.jsonc')), type: 2 });
            await client.published(uri, diagnostics => !diagnostics.some(d => d.code === 'meeting-without-date'), before.sequence);
            expect(client.loggedErrors).toEqual([]);
        } finally {
            await client.stop();
        }
    });

    test('the language server started on a subfolder loads the directory from the repository root', async () => {
        const client = await LspClient.start(path.join(root, '2025'));
        try {
            const file = path.join(root, '2025/03/call.minutes');
            const uri = client.uriOf(file);
            await client.open(uri, readFileSync(file, 'utf8'));
            const { diagnostics } = await client.published(uri, () => true);
            expect(diagnostics.map(d => d.code)).toEqual(['unknown-speaker']);
        } finally {
            await client.stop();
        }
    });

    test('generate takes attribution, email width and sender from the configuration; the command line wins', async () => {
        const email = await runCli(['generate', '2025/03/call.minutes', '--format', 'email', '--force'], { cwd: root });
        expect(Math.max(...email.stdout.split('\n').map(line => line.length))).toBeLessThanOrEqual(40);
        expect(email.stdout).toContain('Max Planck Institute');
        expect(email.stdout).not.toContain('Tatiana Tropina');
        const full = await runCli(['generate', '2025/03/call.minutes', '--format', 'email', '--force', '--attribution', 'full', '--width', '0'], { cwd: root });
        expect(full.stdout).toContain('Tatiana Tropina');
        const eml = await runCli(['generate', '2025/03/call.minutes', '--format', 'eml', '--force'], { cwd: root });
        expect(eml.stdout).toMatch(/^From: Secretariat <secretariat@example\.org>\r$/m);
    });
});

describe('nested .gitignore files', () => {
    // Every note lacks a date, so each file checked says so: the files with a problem are the files checked.
    const undated = (title: string) => `meeting: ${title}\n\n@someone: Hello.\n`;
    const NESTED: Record<string, string> = {
        '.minutes.jsonc': '{ "rules": { "unknown-speaker": "off" } }\n',
        '.gitignore': '*.tmp.minutes\n',
        'call.minutes': undated('Call'),
        'scratch.tmp.minutes': undated('Scratch'),
        '2025/.gitignore': 'drafts/\n/private.minutes\n',
        '2025/call.minutes': undated('Call 2025'),
        '2025/private.minutes': undated('Private'),
        '2025/drafts/draft.minutes': undated('Draft'),
        '2025/drafts/.gitignore': '!*\n',
        '2025/03/private.minutes': undated('Not private: the pattern is anchored to 2025/'),
        '2025/03/.gitignore': '!kept.tmp.minutes\n',
        '2025/03/kept.tmp.minutes': undated('Kept'),
        '2025/03/other.tmp.minutes': undated('Other')
    };
    const NESTED_CHECKED = ['2025/03/kept.tmp.minutes', '2025/03/private.minutes', '2025/call.minutes', 'call.minutes'];

    test('minutes check . reads them as git does: relative to their folder, with negation, folder-only patterns, no way back into an ignored folder', async () => {
        const folder = tempWorkspace(NESTED);
        const result = await runCli(['check', '.'], { cwd: folder });
        const files = [...new Set(problemLines(result.stdout).map(line => line.split(':')[0]))].sort();
        expect(files).toEqual(NESTED_CHECKED);
        expect(result.stdout).toContain(`checked ${NESTED_CHECKED.length} files`);
    });

    test('a file a nested .gitignore ignores is left out when named on the command line, as pre-commit names it', async () => {
        const folder = tempWorkspace(NESTED);
        const result = await runCli(['check', '2025/private.minutes', '2025/drafts/draft.minutes', '2025/03/other.tmp.minutes', '2025/03/kept.tmp.minutes'], { cwd: folder });
        expect([...new Set(problemLines(result.stdout).map(line => line.split(':')[0]))]).toEqual(['2025/03/kept.tmp.minutes']);
    });

    test('the language server shows nothing for a file a nested .gitignore ignores, and checks the one it takes back', async () => {
        const [ignored, kept] = await codesShown(NESTED, ['2025/private.minutes', '2025/03/kept.tmp.minutes']);
        expect(ignored).toEqual([]);
        expect(kept).toContain('meeting-without-date');
    });

    test('the language server reads a nested .gitignore again when it changes on disk', async () => {
        const folder = tempWorkspace(NESTED);
        const client = await LspClient.start(folder);
        try {
            const uri = client.uriOf(path.join(folder, '2025/private.minutes'));
            await client.open(uri, NESTED['2025/private.minutes']);
            const before = await client.published(uri, diagnostics => diagnostics.length === 0);
            writeFileSync(path.join(folder, '2025/.gitignore'), 'drafts/\n');
            await client.filesChanged({ uri: client.uriOf(path.join(folder, '2025/.gitignore')), type: 2 });
            await client.published(uri, diagnostics => diagnostics.some(d => d.code === 'meeting-without-date'), before.sequence);
            expect(client.loggedErrors).toEqual([]);
        } finally {
            await client.stop();
        }
    });
});

describe('a git repository without a configuration', () => {
    const undated = (title: string) => `meeting: ${title}\n\n@someone: Hello.\n`;
    const REPOSITORY: Record<string, string> = {
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.gitignore': 'drafts/\n*.tmp.minutes\n',
        'call.minutes': undated('Call'),
        'scratch.tmp.minutes': undated('Scratch'),
        'drafts/draft.minutes': undated('Draft'),
        '2025/.gitignore': '!kept.tmp.minutes\n',
        '2025/kept.tmp.minutes': undated('Kept')
    };
    const filesWithProblems = (stdout: string) => [...new Set(problemLines(stdout).map(line => line.split(':')[0]))].sort();

    test('minutes check . reads its .gitignore files, as git does', async () => {
        const folder = tempWorkspace(REPOSITORY);
        const result = await runCli(['check', '.'], { cwd: folder });
        expect(filesWithProblems(result.stdout)).toEqual(['2025/kept.tmp.minutes', 'call.minutes']);
        expect(result.stdout).toContain('checked 2 files');
    });

    test('a file its .gitignore ignores is left out when named on the command line', async () => {
        const folder = tempWorkspace(REPOSITORY);
        const result = await runCli(['check', 'scratch.tmp.minutes', 'drafts/draft.minutes', 'call.minutes'], { cwd: folder });
        expect(filesWithProblems(result.stdout)).toEqual(['call.minutes']);
    });

    test('outside a git repository and without a configuration, a .gitignore is not read', async () => {
        const { '.git/HEAD': _head, ...notARepository } = REPOSITORY;
        const folder = tempWorkspace(notARepository);
        const result = await runCli(['check', '.'], { cwd: folder });
        expect(filesWithProblems(result.stdout)).toEqual(['2025/kept.tmp.minutes', 'call.minutes', 'drafts/draft.minutes', 'scratch.tmp.minutes']);
    });

    test('the language server shows nothing for a file the repository ignores', async () => {
        const [ignored, checked] = await codesShown(REPOSITORY, ['drafts/draft.minutes', 'call.minutes']);
        expect(ignored).toEqual([]);
        expect(checked).toContain('meeting-without-date');
    });
});

describe('a hint raised by the configuration', () => {
    // The check leaves hints out, and does not make them (a hint's range is looked up in its
    // block's tree): the configuration that raises one to a warning or an error must still see it.
    const files = (rules: string) => ({
        '.minutes.jsonc': `{ "rules": { ${rules} } }\n`,
        'people.minutes': 'person @mshears Matthew Shears\nperson @ttropina Tatiana Tropina\n',
        'call.minutes': 'meeting: A call\ndate: 2025-03-19\n\nattendees:\n- @mshears\n- @ttropina\n\n@mshears: Spoke alone.\n'
    });

    test('is printed by minutes check at its name, with the severity the configuration gives', async () => {
        const warned = await runCli(['check', '.'], { cwd: tempWorkspace(files('"silent-attendee": "warning"')) });
        expect(problemLines(warned.stdout)).toEqual([
            'call.minutes:6:3: warning Tatiana Tropina is listed among the attendees but never speaks in these notes. [silent-attendee]'
        ]);
        expect(warned.code).toBe(0);
        const failed = await runCli(['check', '.'], { cwd: tempWorkspace(files('"silent-attendee": "error"')) });
        expect(problemLines(failed.stdout)).toEqual([
            'call.minutes:6:3: error Tatiana Tropina is listed among the attendees but never speaks in these notes. [silent-attendee]'
        ]);
        expect(failed.code).toBe(1);
    });

    test('is not printed when the configuration leaves it a hint', async () => {
        const result = await runCli(['check', '.'], { cwd: tempWorkspace(files('"meeting-without-date": "error"')) });
        expect(problemLines(result.stdout)).toEqual([]);
        expect(result.code).toBe(0);
    });
});

describe('a configuration with mistakes', () => {
    const broken = () => tempWorkspace({
        '.minutes.jsonc': '{\n  "rules": { "unknown-speakr": "off", "silent-attendee": "loud" },\n  "widht": 3\n}\n',
        'call.minutes': 'meeting: A call\ndate: 2025-03-19\n'
    });

    test('stops the command with each mistake at its line and column (exit 2)', async () => {
        const result = await runCli(['check', '.'], { cwd: broken() });
        expect(result.stderr).toBe([
            'minutes: the configuration has mistakes:',
            ".minutes.jsonc:2:14: unknown diagnostic code 'unknown-speakr' (docs/diagnostics.md lists them)",
            '.minutes.jsonc:2:58: "silent-attendee" is one of "off", "warning", "error"',
            '.minutes.jsonc:3:3: unknown key "widht" (known: directory, ignore, rules, attribution, email, locale)',
            ''
        ].join('\n'));
        expect(result.code).toBe(2);
    });

    test('JSON that does not parse is reported where it breaks', async () => {
        const folder = tempWorkspace({ '.minutes.jsonc': '{ "rules": { "silent-attendee": "off" }\n  "ignore": [] }\n', 'call.minutes': 'meeting: A\n' });
        const result = await runCli(['check', '.'], { cwd: folder });
        expect(result.stderr).toContain('.minutes.jsonc:2:3: not valid JSON with comments: comma expected');
        expect(result.code).toBe(2);
    });
});


describe('the configuration\'s locale', () => {
    test('is the language of notes without a language: line; a note that says its own keeps it', async () => {
        const repository = tempWorkspace({
            '.minutes.jsonc': '{ "locale": "fr" }\n',
            'people.minutes': 'person @mcade Marilyn Cade\n',
            'appel.minutes': 'meeting: Un appel\ndate: 2025-03-19\nchair: @mcade\n',
            'call.minutes': 'meeting: A call\nlanguage: en\ndate: 2025-03-19\nchair: @mcade\n'
        });
        const french = await runCli(['generate', 'appel.minutes', '--format', 'email'], { cwd: repository });
        expect(french.stdout).toContain('\nDate\u00A0:       19 mars 2025\nPrésidence\u00A0: Marilyn Cade\n');
        const english = await runCli(['generate', 'call.minutes', '--format', 'email'], { cwd: repository });
        expect(english.stdout).toContain('\nDate:  19 March 2025\nChair: Marilyn Cade\n');
    });

    test('is the language a date is read in and suggested in, by minutes check as by the editor', async () => {
        const repository = tempWorkspace({
            '.minutes.jsonc': '{ "locale": "es" }\n',
            'llamada.minutes': 'meeting: Una llamada\ndate: la semana que viene\n',
            'otra.minutes': 'meeting: Otra llamada\ndate: 19 de marzo de 2025\n'
        });
        const result = await runCli(['check', '.'], { cwd: repository });
        expect(result.stdout).toContain("llamada.minutes:2:7: warning 'la semana que viene' is not a date Minutes understands; write 2018-03-19 or 19 de marzo de 2018.");
        expect(result.stdout).not.toContain('otra.minutes');
    });
});
