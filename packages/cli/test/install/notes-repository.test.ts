import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient } from '../../../language/test/helpers/lsp-client.js';
import { REPO, runProcess, type CliResult } from '../helpers/run-cli.js';

/**
 * The packages as a user gets them: `npm pack` of each, installed from the tarballs into a
 * fresh "notes repository" (its own package.json, no workspace links, no repository
 * node_modules above it), then the installed `minutes` and language server run from there.
 * Runs under whichever Node runs vitest (CI runs it under Node 24 too: .ci/run).
 */
const PACKAGES = ['language', 'cli'] as const;
const directory = 'person @ttropina Tatiana Tropina\n  org: @MPI\n\norg @MPI Max Planck Institute\n  stakeholder: academia\n';
const meeting = (speaker: string) => `meeting: A call\ndate: 2018-03-19\n\n@${speaker}: Hello.\n`;

let root: string;
let notes: string;

/** The command as a user types it in the notes repository, with this process's Node first on PATH. */
function npx(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
    return runProcess('npx', ['--no-install', ...args], { cwd: options.cwd ?? notes, env: { PATH: nodeFirstPath(), ...options.env } });
}

function nodeFirstPath(): string {
    return `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
}

beforeAll(() => {
    for (const name of PACKAGES) {
        if (!existsSync(path.join(REPO, 'packages', name, 'out'))) throw new Error(`packages/${name}/out is missing: run npm run build first`);
    }
    root = mkdtempSync(path.join(tmpdir(), 'minutes-install-'));
    const tarballs = PACKAGES.map(name => {
        const output = execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: path.join(REPO, 'packages', name), encoding: 'utf8', env: { ...process.env, PATH: nodeFirstPath() } });
        const [{ filename, name: packageName }] = JSON.parse(output) as Array<{ filename: string; name: string }>;
        return { packageName, tarball: path.join(root, filename) };
    });
    notes = path.join(root, 'notes');
    mkdirSync(path.join(notes, '2025'), { recursive: true });
    writeFileSync(path.join(notes, 'package.json'), JSON.stringify({
        name: 'our-notes', private: true,
        devDependencies: Object.fromEntries(tarballs.map(({ packageName, tarball }) => [packageName, `file:${tarball}`]))
    }, null, 2));
    writeFileSync(path.join(notes, 'directory.minutes'), directory);
    writeFileSync(path.join(notes, 'call.minutes'), meeting('ttropina'));
    writeFileSync(path.join(notes, '2025', 'bad.minutes'), meeting('{Tatiana Tropnia}'));
    // The npm cache first: the dependencies are those of the repository's own lockfile.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: notes, stdio: 'pipe', env: { ...process.env, PATH: nodeFirstPath() } });
}, 180_000);

afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
});

describe('installed from the packed tarballs into a notes repository', () => {
    test('the packages are real folders, not links into this repository', () => {
        for (const name of ['minutes-cli', 'minutes-language', 'langium']) {
            const folder = path.join(notes, 'node_modules', name);
            expect(existsSync(path.join(folder, 'package.json')), name).toBe(true);
            expect(realpathSync(folder), name).toBe(folder);
        }
        const langium = JSON.parse(readFileSync(path.join(notes, 'node_modules/langium/package.json'), 'utf8')) as { version: string };
        expect(langium.version).toBe('4.2.1');
    });

    test('the installed bin prints the package version', async () => {
        const result = await runProcess(process.execPath, [path.join(notes, 'node_modules/.bin/minutes'), '--version']);
        expect(result.stdout.trim()).toBe('0.1.0');
        expect(result.code).toBe(0);
    });

    test('npx minutes check reports the problem with file:line:col and exits 1', async () => {
        const result = await npx(['minutes', 'check', '.']);
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe(
            "2025/bad.minutes:4:1: error Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'? [unknown-speaker]\n"
            + 'checked 3 files: 1 error, 0 warnings\n');
        expect(result.code).toBe(1);
        // The worker threads start from their own file of the installed bundle.
        const threaded = await npx(['minutes', 'check', '.'], { env: { MINUTES_THREADS: '2' } });
        expect(threaded).toEqual(result);
    });

    test('npx minutes generate writes the email and an HTML page', async () => {
        const email = await npx(['minutes', 'generate', 'call.minutes', '--format', 'email']);
        expect(email.stdout).toContain('Tatiana Tropina (Max Planck Institute)');
        expect(email.code).toBe(0);
        const html = await runProcess(process.execPath, [path.join(notes, 'node_modules/.bin/minutes'), 'generate', 'call.minutes', '--format', 'html', '-o', 'call.html'], { cwd: notes });
        expect(html.code).toBe(0);
        expect(readFileSync(path.join(notes, 'call.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    });

    test('the JSON Schema ships in minutes-language, and its $id is its own address in the package', () => {
        const schemaFile = path.join(notes, 'node_modules/minutes-language/schemas/minutes.schema.json');
        const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };
        const { version } = JSON.parse(readFileSync(path.join(notes, 'node_modules/minutes-language/package.json'), 'utf8')) as { version: string };
        const address = new URL(schema.$id);
        expect(address.origin).toBe('https://unpkg.com');
        expect(address.pathname).toBe(`/minutes-language@${version}/schemas/minutes.schema.json`);
        // unpkg serves a package's files at /name@version/path: the path is the file read above.
        expect(path.join(notes, 'node_modules', address.pathname.replace(`@${version}`, ''))).toBe(schemaFile);
    });

    test('the installed language server answers over stdio with the diagnostics the CLI reports', async () => {
        const server = path.join(notes, 'node_modules/minutes-language/bin/minutes-language-server.js');
        const client = await LspClient.start(notes, server);
        try {
            const file = path.join(notes, '2025', 'bad.minutes');
            const uri = client.uriOf(file);
            await client.open(uri, readFileSync(file, 'utf8'));
            const publication = await client.published(uri, diagnostics => diagnostics.length > 0);
            expect(publication.diagnostics.map(d => [d.range.start.line + 1, d.code, d.message])).toEqual([
                [4, 'unknown-speaker', "Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?"]
            ]);
            expect(client.loggedErrors).toEqual([]);
        } finally {
            expect(await client.stop()).toBe(0);
        }
    });
});

describe('the CI integrations, run in the notes repository as GitHub and pre-commit run them', () => {
    interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string>; uses?: string }> } }
    interface Hook { id: string; entry: string; language: string; files: string; require_serial?: boolean }
    const action = loadYaml(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;
    const hooks = loadYaml(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const inCi = readme.slice(readme.indexOf('### In CI'), readme.indexOf('## In VS Code'));
    const yamlBlocks = [...inCi.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => loadYaml(match[1]) as Record<string, unknown>);

    test('the action is composite: it sets up Node, then runs its script with the inputs as environment', () => {
        expect(action.runs.using).toBe('composite');
        expect(action.runs.steps[0].uses).toMatch(/^actions\/setup-node@/);
        const step = action.runs.steps[1];
        expect(step.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/github-action.sh"');
        const script = readFileSync(path.join(REPO, 'scripts/github-action.sh'), 'utf8');
        for (const [name, value] of Object.entries(step.env ?? {})) {
            expect(script, name).toContain(`\${${name}`);
            expect(Object.keys(action.inputs)).toContain(/^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1]);
        }
        expect(Number(action.inputs['node-version'].default)).toBeGreaterThanOrEqual(20);
        expect(action.inputs.version.default).toBe(JSON.parse(readFileSync(path.join(REPO, 'packages/cli/package.json'), 'utf8')).version);
    });

    test("the action's script: annotations on stdout, every problem in the job summary, the step fails on errors", async () => {
        const summary = path.join(root, 'step-summary.md');
        writeFileSync(summary, '');
        const env = { PATH: nodeFirstPath(), GITHUB_STEP_SUMMARY: summary, MINUTES_PATHS: "call.minutes\n2025/**/*.minutes", MINUTES_STRICT: 'false', MINUTES_OVERDUE: 'false', MINUTES_VERSION: '0.1.0' };
        const result = await runProcess('bash', [path.join(REPO, 'scripts/github-action.sh')], { cwd: notes, env });
        expect(result.stdout).toBe(
            "::error file=2025/bad.minutes,line=4,col=1,endLine=4,endColumn=19,title=unknown-speaker::Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?\n"
            + 'checked 2 files: 1 error, 0 warnings\n');
        expect(readFileSync(summary, 'utf8')).toContain("| 2025/bad.minutes | 4:1 | error | Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'? | `unknown-speaker` |");
        expect(result.code).toBe(1);
        const clean = await runProcess('bash', [path.join(REPO, 'scripts/github-action.sh')], { cwd: notes, env: { ...env, MINUTES_PATHS: 'call.minutes' } });
        expect(clean.code).toBe(0);
    });

    test("the action's script runs minutes with V8's young generation at 16 MB, unless the workflow sets its own size", async () => {
        // A stand-in `minutes` that prints the options Node was given.
        const repository = mkdtempSync(path.join(tmpdir(), 'minutes-action-'));
        mkdirSync(path.join(repository, 'node_modules/.bin'), { recursive: true });
        const stub = path.join(repository, 'node_modules/.bin/minutes');
        writeFileSync(stub, '#!/usr/bin/env bash\necho "$NODE_OPTIONS"\n', { mode: 0o755 });
        const optionsGiven = async (nodeOptions?: string) => (await runProcess('bash', [path.join(REPO, 'scripts/github-action.sh')], {
            cwd: repository, env: { PATH: nodeFirstPath(), MINUTES_VERSION: '0.1.0', ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) }
        })).stdout.trim();
        try {
            expect(await optionsGiven()).toBe('--max-semi-space-size=16');
            expect(await optionsGiven('--max-old-space-size=4096')).toBe('--max-old-space-size=4096 --max-semi-space-size=16');
            expect(await optionsGiven('--max-semi-space-size=64')).toBe('--max-semi-space-size=64');
        } finally {
            rmSync(repository, { recursive: true, force: true });
        }
    });

    test("each pre-commit hook's entry, given several changed files at once as pre-commit gives them", async () => {
        expect(hooks.map(hook => hook.id)).toEqual(['minutes-check', 'minutes-check-strict']);
        for (const hook of hooks) {
            expect(new RegExp(hook.files).test('2025/bad.minutes') && !new RegExp(hook.files).test('notes.md')).toBe(true);
            expect(hook.require_serial).toBe(true);
            const [command, ...args] = hook.entry.split(' ');
            const result = await runProcess(command, [...args, 'call.minutes', '2025/bad.minutes', 'directory.minutes'], { cwd: notes, env: { PATH: nodeFirstPath() } });
            expect(result.stdout).toBe(
                "2025/bad.minutes:4:1: error Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'? [unknown-speaker]\n"
                + 'checked 3 files: 1 error, 0 warnings\n');
            expect(result.code).toBe(1);
        }
    });

    test("the README's snippets use the action's inputs and the hooks' ids", () => {
        const workflow = yamlBlocks.find(block => 'jobs' in block) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
        const step = Object.values(workflow.jobs)[0].steps.find(candidate => candidate.uses?.startsWith('minutes-lang/minutes@'));
        expect(step).toBeDefined();
        for (const input of Object.keys(step!.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
        const preCommit = yamlBlocks.find(block => 'repos' in block) as { repos: Array<{ hooks: Array<{ id: string }> }> };
        for (const { id } of preCommit.repos[0].hooks) expect(hooks.map(hook => hook.id)).toContain(id);
    });
});

