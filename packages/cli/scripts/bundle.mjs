// Bundles the minutes command into dist/ with esbuild: one small entry that reads the command
// line (commander) and one chunk per command, loaded when it runs, so that `minutes --help`
// does not load the language, and a check reads a few large files instead of hundreds of
// small modules. The language package is read from its TypeScript sources (its package.json
// `exports` map each entry), so a bundle never lags behind an unbuilt `out/`. The licences of
// what is bundled go to dist/THIRD-PARTY-NOTICES.txt.
//   node scripts/bundle.mjs
import * as esbuild from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeThirdPartyNotices } from '../../../scripts/third-party-notices.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const language = resolve(root, '../language');
const dist = join(root, 'dist');
const exportsMap = JSON.parse(await readFile(join(language, 'package.json'), 'utf8')).exports;

/** `minutes-language[/sub]` → the TypeScript source of the file its exports map names. */
const languageSources = {
    name: 'minutes-language-sources',
    setup(build) {
        build.onResolve({ filter: /^minutes-language(\/.*)?$/ }, args => {
            const entry = exportsMap['.' + args.path.slice('minutes-language'.length)];
            const target = typeof entry === 'string' ? entry : entry?.default;
            if (!target?.startsWith('./out/')) return { errors: [{ text: `${args.path} is not an entry of minutes-language` }] };
            return { path: join(language, 'src', target.slice('./out/'.length).replace(/\.js$/, '.ts')) };
        });
    }
};

/** Writes dist/ afresh. Also run before the tests (vitest's global set-up), which start bin/minutes.js. */
export async function bundleCli() {
    await rm(dist, { recursive: true, force: true });
    const result = await esbuild.build({
        // The worker threads of `minutes check` start from files of their own (src/parallel-check.ts,
        // src/read-ahead.ts).
        entryPoints: { main: join(root, 'src/main.ts'), 'check-worker': join(root, 'src/check-worker.ts'), 'read-worker': join(root, 'src/read-worker.ts') },
        outdir: dist,
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        // ES modules first: jsonc-parser's `main` is a UMD build that require()s its parts by path.
        mainFields: ['module', 'main'],
        // Smaller to read and compile; names kept, so that an internal error's stack still reads.
        minifyWhitespace: true,
        minifySyntax: true,
        legalComments: 'none',
        // docs/diagnostics.md, for SARIF's rule descriptions and help links (src/rule-docs.ts).
        loader: { '.md': 'text' },
        metafile: true,
        logLevel: 'warning',
        // CommonJS dependencies (nodemailer) call require() for Node's modules.
        banner: { js: "import { createRequire as __minutesRequire } from 'node:module'; const require = __minutesRequire(import.meta.url);" },
        plugins: [languageSources]
    });
    await writeThirdPartyNotices(result.metafile, process.cwd(), join(dist, 'THIRD-PARTY-NOTICES.txt'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
