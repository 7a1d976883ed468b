import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { buildActionLedger, configuredOptions, type Attribution, type NAME_STYLES } from 'minutes-language';
import { todayOption } from './today.js';
import { problemsOf, summaryLine } from './problems.js';
import { formatProblems } from './report-formats.js';
import { folderSources, sitePages } from './site-pages.js';
import { useColour } from './style.js';
import { displayPath, loadPaths, UsageError } from './workspace.js';

export interface SiteCommandOptions {
    output?: string;
    force: boolean;
    names: typeof NAME_STYLES[number];
    attribution?: Attribution;
    directory?: string[];
    title?: string;
    today?: string;
}

/** The file that marks a folder as a site this command wrote, and so one it may replace. */
export const SITE_MARKER = '.minutes-site';

/**
 * `minutes generate FOLDER --format site -o DIR`: the folder's meetings as a static site
 * (see sitePages). Written atomically: the site is built in a new folder beside DIR, which
 * then takes DIR's place; a run that fails leaves the previous site as it was. Incremental:
 * a page whose content has not changed is the previous site's file, linked, not written
 * again (same inode, same modification time). Exit 0 written, 1 errors in the notes
 * (unless --force), 2 usage or I/O.
 */
export async function siteCommand(folder: string, options: SiteCommandOptions, io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }): Promise<number> {
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) throw new UsageError(`${folder}: --format site takes a folder of .minutes files`);
    if (options.output === undefined) throw new UsageError('a site is a folder: give -o FOLDER');
    const today = todayOption(options.today);
    const root = path.resolve(folder);
    const target = path.resolve(options.output);
    await checkSiteFolder(target, root);

    const workspace = await loadPaths([folder], { context: options.directory });
    const files = workspace.documents;
    const problems = problemsOf(workspace.documents);
    if (problems.some(problem => problem.severity === 'error')) {
        io.stderr.write(formatProblems('text', problems, { colour: useColour(io.stderr), summary: summaryLine(files.length, problems), fileCount: files.length }));
        if (!options.force) {
            io.stderr.write(`minutes: not generating the site of ${displayPath(root)}: fix the errors above, or pass --force\n`);
            return 1;
        }
    }
    const sources = folderSources(root, workspace.documents);
    if (sources.length === 0) throw new UsageError(`${folder}: no meetings in this folder`);
    const ledger = buildActionLedger(workspace.all);
    const pages = sitePages(sources, ledger, {
        title: options.title,
        folderName: path.basename(root),
        today,
        // The configuration's attribution and locale (the language of notes without `language:`), as minutes generate reads them.
        outline: configuredOptions({ names: options.names, attribution: options.attribution }, workspace.root?.config)
    });
    const { written, kept } = await writeSite(target, pages);
    io.stdout.write(`${displayPath(target)}: ${written + kept} files, ${written} written, ${kept} unchanged\n`);
    return 0;
}

/** DIR may be new, empty, or a site this command wrote; never the notes' folder or one holding it. */
async function checkSiteFolder(target: string, notes: string): Promise<void> {
    const real = await fs.realpath(target).catch(() => target);
    const realNotes = await fs.realpath(notes).catch(() => notes);
    const relative = path.relative(real, realNotes);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
        throw new UsageError(`${displayPath(target)}: holds the notes; the site goes to a folder of its own`);
    }
    const stat = await fs.lstat(target).catch(() => undefined);
    if (!stat) return;
    if (!stat.isDirectory()) throw new UsageError(`${displayPath(target)}: not a folder; -o names the folder the site goes to`);
    const entries = await fs.readdir(target);
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
        throw new UsageError(`${displayPath(target)}: not empty and not a site minutes wrote (no ${SITE_MARKER} in it); choose a new or empty folder`);
    }
}

/**
 * Builds the site in a new folder beside `target`, then puts it in `target`'s place. An
 * unchanged file is linked from the previous site rather than written.
 */
async function writeSite(target: string, pages: ReadonlyMap<string, string>): Promise<{ written: number; kept: number }> {
    const parent = path.dirname(target);
    const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
    const building = path.join(parent, `.${path.basename(target)}.${suffix}.tmp`);
    const previous = path.join(parent, `.${path.basename(target)}.${suffix}.old`);
    const exists = (await fs.lstat(target).catch(() => undefined))?.isDirectory() ?? false;
    let written = 0;
    let kept = 0;
    try {
        await fs.mkdir(building);
        const all = new Map(pages);
        all.set(SITE_MARKER, 'Written by minutes generate --format site: this folder is replaced as a whole by each run.\n');
        for (const [name, content] of all) {
            const file = path.join(building, ...name.split('/'));
            await fs.mkdir(path.dirname(file), { recursive: true });
            const old = path.join(target, ...name.split('/'));
            const bytes = Buffer.from(content, 'utf8');
            if (exists && (await fs.readFile(old).catch(() => undefined))?.equals(bytes)) {
                await fs.link(old, file);
                kept++;
            } else {
                await fs.writeFile(file, bytes, { flag: 'wx' });
                written++;
            }
        }
        if (exists) await fs.rename(target, previous);
        try {
            await fs.rename(building, target);
        } catch (error) {
            if (exists) await fs.rename(previous, target);
            throw error;
        }
    } catch (error) {
        await fs.rm(building, { recursive: true, force: true }).catch(() => undefined);
        throw new UsageError(`${displayPath(target)}: cannot write the site: ${(error as Error).message}`);
    }
    if (exists) await fs.rm(previous, { recursive: true, force: true });
    return { written, kept };
}
