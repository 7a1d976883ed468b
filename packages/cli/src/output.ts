import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { displayPath, EXTENSION, UsageError } from './workspace.js';

/**
 * Where commands write files (`-o`). An output never replaces a source: a `.minutes`
 * file or one of the command's inputs is refused before anything is read or written.
 * Every test is made on the path that will be written — the real path, links followed,
 * `dir/`, `/.` and `..` resolved — which the caller passes to writeFileAtomic.
 */
export async function checkOutputPath(output: string, inputs: readonly string[]): Promise<string> {
    if (namesFolder(output)) throw new UsageError(`${output}: names a folder; give a file name`);
    const target = await canonicalPath(output);
    for (const input of inputs) {
        if (target === await canonicalPath(input)) {
            throw new UsageError(`${output}: this is the input file; choose another output name`);
        }
    }
    if (target.toLowerCase().endsWith(EXTENSION)) {
        throw new UsageError(`${output}: refusing to write over a ${EXTENSION} file; choose another output name`);
    }
    const stat = await fs.stat(target).catch(() => undefined);
    if (stat?.isDirectory()) throw new UsageError(`${output}: is a folder; give a file name`);
    if (stat && !stat.isFile()) throw notRegular(output, stat);
    return target;
}

/** `out/`, `out/.`, `..`: a path whose last part can only be a folder. */
function namesFolder(file: string): boolean {
    return /(^|[\\/])\.{0,2}$/.test(file);
}

function notRegular(shown: string, stat: Stats): UsageError {
    const kind = stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device';
    return new UsageError(`${shown}: not a regular file (${kind}); give the name of a file to write`);
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function canonicalPath(file: string): Promise<string> {
    const absolute = path.resolve(file);
    const real = await fs.realpath(absolute).catch(() => undefined);
    if (real) return real;
    const folder = await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
    return path.join(folder, path.basename(absolute));
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder,
 * which is flushed and then renamed over the target, so that readers see the old file
 * or the new one, never half of one. On failure the temporary file is removed and no
 * file is created or changed. An existing target keeps its permissions.
 *
 * `exclusive`: the target must not exist; the temporary file is linked to its name, which
 * fails if something is there by then (no window between checking and writing), and a
 * file that exists is never replaced.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
    const target = path.resolve(file);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const existing = await fs.stat(target).catch(() => undefined);
    // Renamed over, a device or a pipe would become a file (as root, /dev/null would).
    if (existing && !existing.isFile() && !existing.isDirectory()) throw notRegular(displayPath(target), existing);
    let handle: fs.FileHandle | undefined;
    try {
        handle = await fs.open(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
        await handle.writeFile(content);
        await handle.sync();
        await handle.close();
        handle = undefined;
        if (options.exclusive) {
            await linkExclusive(temporary, target);
            await fs.unlink(temporary).catch(() => undefined);
            return;
        }
        if (existing) await fs.chmod(temporary, existing.mode & 0o7777);
        await fs.rename(temporary, target);
    } catch (error) {
        await handle?.close().catch(() => undefined);
        await fs.unlink(temporary).catch(() => undefined);
        throw new UsageError(`${displayPath(target)}: cannot write: ${reason(error)}`);
    }
}

/** Gives the temporary file the target's name unless it exists; without hard links (FAT, some shares), an exclusive copy. */
async function linkExclusive(temporary: string, target: string): Promise<void> {
    try {
        await fs.link(temporary, target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        await fs.copyFile(temporary, target, fsConstants.COPYFILE_EXCL);
    }
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ENOENT':
            return 'no such folder';
        case 'ENOTDIR':
            return 'a part of the path is not a folder';
        case 'EROFS':
            return 'read-only file system';
        case 'ENOSPC':
            return 'no space left on the device';
        case 'EISDIR':
            return 'is a folder';
        case 'EEXIST':
            return 'already exists; it is left as it is';
        default:
            return (error as Error).message;
    }
}

/** The file an `-o` option names: none for `-`, which means standard output, as most tools (and `minutes new -o -`) read it. */
export function outputFileOf(option: string | undefined): string | undefined {
    return option === '-' ? undefined : option;
}
