import ignore, { type Ignore } from 'ignore';
import { URI, UriUtils, type FileSystemProvider, type LangiumSharedCoreServices } from 'langium';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseMinutesConfig, type ConfigProblem, type MinutesConfig } from './minutes-config.js';

/** Folders never searched for `.minutes` files, by the language server or the CLI. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/** A notes repository: the folder of a configuration file, and what the file says. */
export class NotesRoot {
    private readonly ignored: Ignore;
    private readonly inDirectoryGlobs: (relativePath: string) => boolean;

    constructor(
        readonly folder: URI,
        readonly configFile: URI | undefined,
        readonly config: MinutesConfig,
        readonly problems: readonly ConfigProblem[],
        gitignore: string | undefined
    ) {
        this.ignored = ignore().add(gitignore ?? '').add([...config.ignore]);
        this.inDirectoryGlobs = picomatch([...config.directory]);
    }

    /** The path of a file or folder below the root, `/`-separated; undefined outside it. */
    relativePath(uri: URI): string | undefined {
        const folder = this.folder.path.replace(/\/$/, '');
        return uri.scheme === this.folder.scheme && uri.path.startsWith(folder + '/') ? uri.path.slice(folder.length + 1) : undefined;
    }

    /** Whether the root's .gitignore or the configuration's `ignore` leave a file or folder out. */
    isIgnored(uri: URI, isDirectory: boolean): boolean {
        const relative = this.relativePath(uri);
        return relative !== undefined && this.ignored.ignores(isDirectory ? `${relative}/` : relative);
    }

    /** Whether a file is one of those every file of the repository may refer to. */
    inDirectory(uri: URI): boolean {
        const relative = this.relativePath(uri);
        return relative !== undefined && this.inDirectoryGlobs(relative) && !this.isIgnored(uri, false);
    }
}

/**
 * Finds the configuration that applies to a file, walking up from its folder to the nearest
 * `.minutes.jsonc`, through Langium's file system (so the CLI and the language server read the
 * same files the same way). Each folder is looked up once until `clear()`.
 */
export class MinutesConfigs {
    private readonly fileSystem: FileSystemProvider;
    private readonly byFolder = new Map<string, NotesRoot | null>();

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /** The repository whose configuration applies to a file or folder, if any. */
    rootOf(uri: URI, isDirectory = false): NotesRoot | undefined {
        if (uri.scheme !== 'file') return undefined;
        return this.rootOfFolder(isDirectory ? uri : UriUtils.dirname(uri)) ?? undefined;
    }

    /** Forgets what was read: after a configuration or .gitignore changed. */
    clear(): void {
        this.byFolder.clear();
    }

    /** Whether a search for `.minutes` files goes into a folder or takes a file: skipped folders, dot names, ignored paths. */
    isSearched(uri: URI, isDirectory: boolean): boolean {
        const name = UriUtils.basename(uri);
        if (name.startsWith('.') || (isDirectory && SKIPPED_FOLDERS.has(name))) return false;
        return !this.rootOf(uri, isDirectory)?.isIgnored(uri, isDirectory);
    }

    private rootOfFolder(folder: URI): NotesRoot | null {
        const key = folder.toString();
        const known = this.byFolder.get(key);
        if (known !== undefined) return known;
        const configFile = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        let root: NotesRoot | null;
        if (this.exists(configFile)) {
            const { config, problems } = this.read(configFile);
            root = new NotesRoot(folder, configFile, config, problems, this.readIfExists(UriUtils.joinPath(folder, '.gitignore')));
        } else {
            const parent = UriUtils.dirname(folder);
            root = parent.path === folder.path ? null : this.rootOfFolder(parent);
        }
        this.byFolder.set(key, root);
        return root;
    }

    private read(configFile: URI): { config: MinutesConfig; problems: ConfigProblem[] } {
        const text = this.readIfExists(configFile);
        if (text === undefined) return { config: DEFAULT_CONFIG, problems: [{ line: 1, column: 1, message: 'cannot be read' }] };
        return parseMinutesConfig(text);
    }

    private exists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri);
        } catch {
            return false;
        }
    }

    private readIfExists(uri: URI): string | undefined {
        try {
            return this.exists(uri) ? this.fileSystem.readFileSync(uri) : undefined;
        } catch {
            return undefined;
        }
    }
}
