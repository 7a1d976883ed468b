import ignore, { type Ignore } from 'ignore';
import { URI, UriUtils, type FileSystemProvider, type LangiumSharedCoreServices } from 'langium';
import picomatch from 'picomatch';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseMinutesConfig, type ConfigProblem, type MinutesConfig, type RuleLevel } from './minutes-config.js';

/** Folders never searched for `.minutes` files, by the language server or the CLI. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);

/** A notes repository: the folder of a configuration file, and what the file says. */
export class NotesRoot {
    /** The root's .gitignore, then the configuration's `ignore` (whose `!` patterns may take back the .gitignore's). */
    private readonly rootRules: Ignore;
    /** The .gitignore of each folder below the root that was looked at, by `/`-separated path; null when it has none. */
    private readonly nestedRules = new Map<string, Ignore | null>();
    /** Whether each folder looked at is ignored, by `/`-separated path. */
    private readonly ignoredFolders = new Map<string, boolean>();
    private readonly inDirectoryGlobs: (relativePath: string) => boolean;

    constructor(
        readonly folder: URI,
        readonly configFile: URI | undefined,
        readonly config: MinutesConfig,
        readonly problems: readonly ConfigProblem[],
        /** The text of a file, or undefined when there is none: how the .gitignore files are read. */
        private readonly readText: (uri: URI) => string | undefined
    ) {
        this.rootRules = ignore().add(readText(UriUtils.joinPath(folder, '.gitignore')) ?? '').add([...config.ignore]);
        this.inDirectoryGlobs = picomatch([...config.directory]);
    }

    /** The path of a file or folder below the root, `/`-separated; undefined outside it. */
    relativePath(uri: URI): string | undefined {
        const folder = this.folder.path.replace(/\/$/, '');
        return uri.scheme === this.folder.scheme && uri.path.startsWith(folder + '/') ? uri.path.slice(folder.length + 1) : undefined;
    }

    /**
     * Whether the .gitignore files or the configuration's `ignore` leave a file or folder out,
     * as git reads them: a .gitignore in a folder below the root holds patterns relative to
     * that folder and overrides the folders above it (its `!pattern` takes back theirs), and
     * nothing in an ignored folder comes back, whatever a deeper .gitignore says.
     */
    isIgnored(uri: URI, isDirectory: boolean): boolean {
        const relative = this.relativePath(uri);
        if (relative === undefined) return false;
        const segments = relative.split('/');
        for (let depth = 1; depth < segments.length; depth++) {
            if (this.isIgnoredFolder(segments.slice(0, depth).join('/'))) return true;
        }
        return isDirectory ? this.isIgnoredFolder(relative) : this.ruled(segments, false);
    }

    private isIgnoredFolder(relative: string): boolean {
        let ignored = this.ignoredFolders.get(relative);
        if (ignored === undefined) {
            ignored = this.ruled(relative.split('/'), true);
            this.ignoredFolders.set(relative, ignored);
        }
        return ignored;
    }

    /** What the .gitignore nearest the path that has a pattern for it says, then the root's; its folders are not looked at. */
    private ruled(segments: readonly string[], isDirectory: boolean): boolean {
        for (let depth = segments.length - 1; depth >= 0; depth--) {
            const rules = depth === 0 ? this.rootRules : this.rulesOf(segments.slice(0, depth).join('/'));
            if (!rules) continue;
            const below = segments.slice(depth).join('/');
            const result = rules.test(isDirectory ? `${below}/` : below);
            if (result.ignored) return true;
            if (result.unignored) return false;
        }
        return false;
    }

    private rulesOf(relativeFolder: string): Ignore | null {
        let rules = this.nestedRules.get(relativeFolder);
        if (rules === undefined) {
            const text = this.readText(UriUtils.joinPath(this.folder, relativeFolder, '.gitignore'));
            rules = text === undefined ? null : ignore().add(text);
            this.nestedRules.set(relativeFolder, rules);
        }
        return rules;
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
    /** By folder: the git repository around it when no configuration applies, which only ignores. */
    private readonly gitRootByFolder = new Map<string, NotesRoot | null>();
    /** By file: its root, and whether it is ignored, asked at each validation of it (a file's folder is a new URI to spell out each time). */
    private readonly rootByFile = new Map<string, NotesRoot | null>();
    private readonly ignoredFiles = new Map<string, boolean>();

    constructor(shared: LangiumSharedCoreServices) {
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /** The repository whose configuration applies to a file or folder, if any. */
    rootOf(uri: URI, isDirectory = false): NotesRoot | undefined {
        if (uri.scheme !== 'file') return undefined;
        if (isDirectory) return this.rootOfFolder(uri) ?? undefined;
        const key = uri.toString();
        let root = this.rootByFile.get(key);
        if (root === undefined) this.rootByFile.set(key, root = this.rootOfFolder(UriUtils.dirname(uri)));
        return root ?? undefined;
    }

    /** The rule severities that apply to a file: its configuration's, else none. */
    rulesOf(uri: URI): ReadonlyMap<string, RuleLevel> {
        return (this.rootOf(uri)?.config ?? DEFAULT_CONFIG).rules;
    }

    /** Forgets what was read: after a configuration or .gitignore changed. */
    clear(): void {
        this.byFolder.clear();
        this.gitRootByFolder.clear();
        this.rootByFile.clear();
        this.ignoredFiles.clear();
    }

    /**
     * Whether a file or folder is left out by the .gitignore files or the configuration's `ignore`.
     * Without a configuration, the .gitignore files of the git repository around it still apply
     * (as git, and prettier, read them); the repository is then no notes root: which files are
     * context for which is decided as if it were not there.
     */
    isIgnored(uri: URI, isDirectory: boolean): boolean {
        if (uri.scheme !== 'file') return false;
        if (isDirectory) return this.isIgnoredNow(uri, true);
        const key = uri.toString();
        let ignored = this.ignoredFiles.get(key);
        if (ignored === undefined) this.ignoredFiles.set(key, ignored = this.isIgnoredNow(uri, false));
        return ignored;
    }

    private isIgnoredNow(uri: URI, isDirectory: boolean): boolean {
        const root = this.rootOf(uri, isDirectory) ?? this.gitRootOf(isDirectory ? uri : UriUtils.dirname(uri));
        return root?.isIgnored(uri, isDirectory) ?? false;
    }

    /** Whether a search for `.minutes` files goes into a folder or takes a file: skipped folders, dot names, ignored paths. */
    isSearched(uri: URI, isDirectory: boolean): boolean {
        const name = UriUtils.basename(uri);
        if (name.startsWith('.') || (isDirectory && SKIPPED_FOLDERS.has(name))) return false;
        return !this.isIgnored(uri, isDirectory);
    }

    /** The nearest folder at or above this one that holds `.git` (a folder, or a worktree's file), as a root that only ignores. */
    private gitRootOf(folder: URI): NotesRoot | null {
        const key = folder.toString();
        const known = this.gitRootByFolder.get(key);
        if (known !== undefined) return known;
        let root: NotesRoot | null;
        if (this.exists(UriUtils.joinPath(folder, '.git'))) {
            root = new NotesRoot(folder, undefined, DEFAULT_CONFIG, [], uri => this.readIfExists(uri));
        } else {
            const parent = UriUtils.dirname(folder);
            root = parent.path === folder.path ? null : this.gitRootOf(parent);
        }
        this.gitRootByFolder.set(key, root);
        return root;
    }

    private rootOfFolder(folder: URI): NotesRoot | null {
        const key = folder.toString();
        const known = this.byFolder.get(key);
        if (known !== undefined) return known;
        const configFile = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        let root: NotesRoot | null;
        if (this.exists(configFile)) {
            const { config, problems } = this.read(configFile);
            root = new NotesRoot(folder, configFile, config, problems, uri => this.readIfExists(uri));
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
