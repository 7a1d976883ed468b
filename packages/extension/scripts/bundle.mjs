// Bundles the extension (out/extension.cjs) and the language server (out/server.cjs) with
// esbuild: the .vsix carries these two files and no node_modules. The language package is
// read from its TypeScript sources, so a bundle never lags behind an unbuilt `out/`.
//   node scripts/bundle.mjs [--production] [--watch] [--tests]
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeThirdPartyNotices } from '../../../scripts/third-party-notices.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const language = resolve(root, '../language/src');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** `minutes-language[/sub]` → the matching TypeScript entry of packages/language/src. */
const languageSources = {
    name: 'minutes-language-sources',
    setup(build) {
        const entries = { 'minutes-language': 'index.ts', 'minutes-language/lsp-main': 'lsp-main.ts', 'minutes-language/protocol': 'requests/protocol.ts' };
        build.onResolve({ filter: /^minutes-language(\/.*)?$/ }, args => {
            const entry = entries[args.path];
            if (!entry) return { errors: [{ text: `${args.path} is not an entry of minutes-language` }] };
            return { path: join(language, entry) };
        });
    }
};

/** Prints each build's outcome, so that the watch task's problem matcher sees it. */
const report = {
    name: 'report',
    setup(build) {
        build.onStart(() => console.log('[watch] build started'));
        build.onEnd(result => {
            for (const { text, location } of result.errors) {
                console.error(`✘ [ERROR] ${text}`);
                if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
            }
            console.log('[watch] build finished');
        });
    }
};

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // ES modules first: jsonc-parser's `main` is a UMD build that require()s its parts by path.
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.cjs' },
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    minify: production,
    external: ['vscode'],
    logLevel: 'warning',
    // Langium's ESM reads import.meta.url in a few places; CommonJS has __filename.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    plugins: [languageSources, ...(watch ? [report] : [])]
};

const builds = [
    { ...common, entryPoints: { extension: join(root, 'src/extension.ts'), server: join(root, 'src/server.ts') }, outdir: join(root, 'out') }
];
if (tests) {
    builds.push({
        ...common,
        entryPoints: { 'run': join(root, 'test/vscode/run.ts'), 'suite/index': join(root, 'test/vscode/suite/index.ts'), 'suite/extension.suite': join(root, 'test/vscode/suite/extension.suite.ts') },
        outdir: join(root, 'out/test'),
        external: ['vscode', 'mocha', '@vscode/test-electron']
    });
}

// The manifest names the grammar inside the extension's folder.
await mkdir(join(root, 'syntaxes'), { recursive: true });
await copyFile(resolve(root, '../../syntaxes/minutes.tmLanguage.json'), join(root, 'syntaxes/minutes.tmLanguage.json'));

if (watch) {
    const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
    await Promise.all(contexts.map(context => context.watch()));
} else {
    const [main] = await Promise.all(builds.map(options => esbuild.build({ ...options, metafile: true })));
    // The .vsix carries what the bundles took from node_modules: their licences travel with them.
    await writeThirdPartyNotices(main.metafile, process.cwd(), join(root, 'out/THIRD-PARTY-NOTICES.txt'));
}
