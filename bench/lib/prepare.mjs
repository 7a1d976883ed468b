/**
 * Writes the workload under bench/workload/ (gitignored) unless the same one is already
 * there: a manifest records the generator version, the options and a hash of the
 * sentences it was made from, so a change to any of them regenerates it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { hash32 } from './prng.mjs';
import {
    generateDirectory, generateLargeFile, generateWorkspace, GENERATOR_VERSION, loadSentences, writeWorkspace
} from './workload.mjs';

export const FULL = { seed: 20180319, sizes: [100, 1000], people: 5000, orgs: 1000, meetingBytes: 30_000, largeBytes: 1_000_000, unresolvedEvery: 100 };
export const SMOKE = { seed: 20180319, sizes: [20], people: 500, orgs: 100, meetingBytes: 30_000, largeBytes: 200_000, unresolvedEvery: 100 };
/** The archive: ten thousand shorter meetings (a secretariat's session reports) with the same directory, for the language server. */
export const ARCHIVE = { full: { meetings: 10_000, meetingBytes: 4_000 }, smoke: { meetings: 40, meetingBytes: 4_000 } };

/**
 * @returns {Promise<{ root: string, workspaces: Array<{ name: string, meetings: number, unresolved: boolean, minutesDir: string, markdownDir: string, files: number, minutesBytes: number, markdownBytes: number, speakerRefs: number, unresolvedRefs: number }>, large: { minutesFile: string, markdownFile: string, minutesBytes: number, markdownBytes: number }, sentences: { prose: number, turns: number, sourceFiles: string[] } }>}
 */
export async function prepareWorkload(repoRoot, root, options, log = () => undefined) {
    const sentences = await loadSentences(repoRoot);
    const identity = {
        generator: GENERATOR_VERSION,
        options,
        sentences: hash32(JSON.stringify([sentences.prose, sentences.turns]))
    };
    const manifestFile = path.join(root, 'manifest.json');
    const existing = await fs.readFile(manifestFile, 'utf8').then(JSON.parse).catch(() => undefined);
    if (existing && JSON.stringify(existing.identity) === JSON.stringify(identity)) {
        log(`workload: up to date in ${path.relative(repoRoot, root)}`);
        const workload = relocated(existing.workload, existing.workload.root, root);
        await markNotesRoots([...workload.workspaces.map(w => w.minutesDir), path.dirname(workload.large.minutesFile)]);
        return workload;
    }
    log(`workload: generating in ${path.relative(repoRoot, root)} ...`);
    await fs.rm(root, { recursive: true, force: true });
    await fs.mkdir(root, { recursive: true });
    const directory = generateDirectory(options.seed, options.people, options.orgs);
    const workspaces = [];
    for (const meetings of options.sizes) {
        for (const unresolved of [false, true]) {
            const name = `ws-${meetings}${unresolved ? '-unresolved' : ''}`;
            const generated = generateWorkspace({ ...options, meetings, unresolvedEvery: unresolved ? options.unresolvedEvery : 0, sentences }, directory);
            const wsRoot = path.join(root, name);
            const sizes = await writeWorkspace(wsRoot, generated);
            workspaces.push({
                name, meetings, unresolved,
                minutesDir: path.join(wsRoot, 'minutes'),
                markdownDir: path.join(wsRoot, 'markdown'),
                ...sizes,
                speakerRefs: generated.speakerRefs,
                unresolvedRefs: generated.unresolved
            });
            log(`  ${name}: ${sizes.files} files, ${(sizes.minutesBytes / 1e6).toFixed(1)} MB Minutes, ${(sizes.markdownBytes / 1e6).toFixed(1)} MB Markdown, ${generated.unresolved} unresolved of ${generated.speakerRefs} speaker references`);
        }
    }
    const large = generateLargeFile({ seed: options.seed, bytes: options.largeBytes, sentences }, directory);
    const largeDir = path.join(root, 'large');
    await fs.mkdir(largeDir, { recursive: true });
    const largeInfo = {
        minutesFile: path.join(largeDir, 'large.minutes'),
        markdownFile: path.join(largeDir, 'large.md'),
        minutesBytes: Buffer.byteLength(large.minutes),
        markdownBytes: Buffer.byteLength(large.markdown)
    };
    await fs.writeFile(largeInfo.minutesFile, large.minutes);
    await fs.writeFile(largeInfo.markdownFile, large.markdown);
    const workload = {
        root, workspaces, large: largeInfo,
        sentences: { prose: sentences.prose.length, turns: sentences.turns.length, sourceFiles: sentences.sourceFiles }
    };
    await markNotesRoots([...workspaces.map(w => w.minutesDir), largeDir]);
    await fs.writeFile(manifestFile, JSON.stringify({ identity, workload }, null, 2));
    return workload;
}

/**
 * Makes each folder a notes root of its own (an empty `.minutes.jsonc`): the workload lies in
 * the repository's `bench/workload/`, which its `.gitignore` leaves out, and without a
 * configuration the `.gitignore` files of the repository around a file leave it out of a
 * check and of the editor (docs/configuration.md). A root per workspace keeps each one's
 * files its own context, as when the workload had no configuration.
 */
export async function markNotesRoots(folders) {
    for (const folder of folders) {
        const file = path.join(folder, '.minutes.jsonc');
        await fs.writeFile(file, '// A workspace of the benchmark (bench/lib/prepare.mjs): a notes root of its own.\n{}\n', { flag: 'wx' }).catch(error => {
            if (error.code !== 'EEXIST') throw error;
        });
    }
}

/**
 * A manifest's paths under the folder it was written in, moved to where it is now: a
 * workload copied with its worktree must not send the bench to the original's files.
 */
function relocated(value, from, to) {
    if (typeof value === 'string') return value === from || value.startsWith(from + path.sep) ? to + value.slice(from.length) : value;
    if (Array.isArray(value)) return value.map(item => relocated(item, from, to));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, relocated(item, from, to)]));
    return value;
}

/**
 * The archive workspace (ARCHIVE), in its own folder with its own manifest, so that the
 * other workspaces are not generated again when only it changes.
 * @returns {Promise<{ name: string, meetings: number, unresolved: false, minutesDir: string, markdownDir: string, files: number, minutesBytes: number, markdownBytes: number, speakerRefs: number, unresolvedRefs: number }>}
 */
export async function prepareArchive(repoRoot, root, options, archive, log = () => undefined) {
    const sentences = await loadSentences(repoRoot);
    const identity = { generator: GENERATOR_VERSION, options, archive, sentences: hash32(JSON.stringify([sentences.prose, sentences.turns])) };
    const name = `archive-${archive.meetings}`;
    const wsRoot = path.join(root, name);
    const manifestFile = path.join(wsRoot, 'manifest.json');
    const existing = await fs.readFile(manifestFile, 'utf8').then(JSON.parse).catch(() => undefined);
    if (existing && JSON.stringify(existing.identity) === JSON.stringify(identity)) {
        const workspace = relocated(existing.workspace, path.dirname(existing.workspace.minutesDir), wsRoot);
        await markNotesRoots([workspace.minutesDir]);
        return workspace;
    }
    log(`workload: generating ${path.relative(repoRoot, wsRoot)} ...`);
    const generated = generateWorkspace({ ...options, ...archive, unresolvedEvery: 0, sentences }, generateDirectory(options.seed, options.people, options.orgs));
    const sizes = await writeWorkspace(wsRoot, generated);
    const workspace = {
        name, meetings: archive.meetings, unresolved: false,
        minutesDir: path.join(wsRoot, 'minutes'), markdownDir: path.join(wsRoot, 'markdown'),
        ...sizes, speakerRefs: generated.speakerRefs, unresolvedRefs: 0
    };
    log(`  ${name}: ${sizes.files} files, ${(sizes.minutesBytes / 1e6).toFixed(1)} MB Minutes`);
    await markNotesRoots([workspace.minutesDir]);
    await fs.writeFile(manifestFile, JSON.stringify({ identity, workspace }, null, 2));
    return workspace;
}
