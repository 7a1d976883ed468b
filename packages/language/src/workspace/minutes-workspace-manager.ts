import { DefaultWorkspaceManager, URI, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { DEFAULT_DIRECTORY_GLOBS } from '../config/minutes-config.js';
import type { MinutesConfigs } from '../config/minutes-configs.js';
import type { MinutesSharedCoreServices } from '../minutes-core-module.js';
import type { CancellationToken } from 'vscode-languageserver';


/**
 * Loads the workspace's `.minutes` files that belong to its directory, so that the people and
 * organisations declared in them can be referred to from any file. Under a configuration file
 * (`.minutes.jsonc`) its `directory` and `ignore` decide, from its folder, even when that is
 * above the workspace folder: the CLI loads the same files for any file it checks. Elsewhere
 * the `minutes.directory.globs` setting does (relative to the workspace folder). Files opened
 * in the editor are always part of the workspace, whatever the globs.
 */
export class MinutesWorkspaceManager extends DefaultWorkspaceManager {
    private readonly configuration: LangiumSharedCoreServices['workspace']['ConfigurationProvider'];
    private readonly configs: MinutesConfigs;
    private matchers: RegExp[] = DEFAULT_DIRECTORY_GLOBS.map(globToRegExp);

    constructor(services: MinutesSharedCoreServices) {
        super(services);
        this.configuration = services.workspace.ConfigurationProvider;
        this.configs = services.workspace.MinutesConfigs;
    }

    /** A workspace folder inside a notes repository is searched from the repository's root. */
    protected override getRootFolder(workspaceFolder: WorkspaceFolder): URI {
        const folder = URI.parse(workspaceFolder.uri);
        return this.configs.rootOf(folder, true)?.folder ?? folder;
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        await this.readGlobs();
        return super.initializeWorkspace(folders, cancelToken);
    }

    /** The globs from the client's settings (the client restarts the server when they change). */
    async readGlobs(): Promise<void> {
        const directory = await this.configuration.getConfiguration('minutes', 'directory') as { globs?: unknown } | undefined;
        const globs = Array.isArray(directory?.globs) ? directory.globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
        this.matchers = (globs.length > 0 ? globs : DEFAULT_DIRECTORY_GLOBS).map(globToRegExp);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (!super.shouldIncludeEntry(entry) || !this.configs.isSearched(entry.uri, entry.isDirectory)) return false;
        if (entry.isDirectory) return true;
        const root = this.configs.rootOf(entry.uri);
        return root ? root.inDirectory(entry.uri) : this.matchesGlobs(entry.uri);
    }

    /** Whether a file is in the workspace's directory globs. Files outside every folder match. */
    matchesGlobs(uri: URI): boolean {
        const path = uri.path;
        const folder = (this.workspaceFolders ?? [])
            .map(f => URI.parse(f.uri).path.replace(/\/$/, ''))
            .filter(f => path.startsWith(f + '/'))
            .sort((a, b) => b.length - a.length)[0];
        if (folder === undefined) return true;
        const relative = path.slice(folder.length + 1);
        return this.matchers.some(matcher => matcher.test(relative));
    }

    /** All files of the workspace folders that belong to the workspace, found again on disk. */
    async findWorkspaceFiles(): Promise<URI[]> {
        const uris: URI[] = [];
        for (const folder of this.workspaceFolders ?? []) {
            uris.push(...await this.searchFolder(this.getRootFolder(folder)));
        }
        return uris;
    }

    /** Reads files added on disk since start-up (Check Workspace); returns every document. */
    async loadNewFiles(): Promise<LangiumDocument[]> {
        for (const uri of await this.findWorkspaceFiles()) {
            await this.langiumDocuments.getOrCreateDocument(uri);
        }
        return this.langiumDocuments.all.toArray();
    }
}

/**
 * A glob as a regular expression over `/`-separated relative paths: `**` spans folders,
 * `*` and `?` stay within one, `{a,b}` is a choice and `[abc]` a character class.
 */
export function globToRegExp(glob: string): RegExp {
    let pattern = '';
    let braces = 0;
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            const slash = glob[i + 2] === '/';
            pattern += slash ? '(?:[^/]*/)*' : '.*';
            i += slash ? 2 : 1;
        } else if (c === '*') {
            pattern += '[^/]*';
        } else if (c === '?') {
            pattern += '[^/]';
        } else if (c === '{') {
            braces++;
            pattern += '(?:';
        } else if (c === '}' && braces > 0) {
            braces--;
            pattern += ')';
        } else if (c === ',' && braces > 0) {
            pattern += '|';
        } else if (c === '[' && glob.indexOf(']', i + 2) > i) {
            const close = glob.indexOf(']', i + 2);
            const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
            pattern += '[' + (body.startsWith('!') ? '^' + body.slice(1) : body) + ']';
            i = close;
        } else {
            pattern += c.replace(/[.+^$()|[\]{}\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${pattern}$`);
}
