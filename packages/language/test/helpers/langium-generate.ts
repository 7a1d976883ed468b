import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository's root folder. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface FreshGeneration {
    /** File name → text of what langium-cli writes into `packages/language/src/generated/`. */
    sources: Record<string, string>;
    /** The TextMate grammar langium-cli writes (`syntaxes/minutes.langium.tmLanguage.json`). */
    textMate: string;
}

/**
 * Runs `langium generate` on the repository's grammar with the repository's
 * langium-config.json, but writing into a temporary folder, and returns what it wrote:
 * the committed generated files must be exactly this, or they are stale.
 */
export async function generateFromGrammar(): Promise<FreshGeneration> {
    const folder = await mkdtemp(path.join(tmpdir(), 'minutes-langium-'));
    try {
        const config = JSON.parse(await readFile(path.join(REPOSITORY_ROOT, 'langium-config.json'), 'utf8'));
        for (const language of config.languages) {
            language.grammar = path.resolve(REPOSITORY_ROOT, language.grammar);
            if (language.textMate) language.textMate.out = path.join(folder, `${language.id}.tmLanguage.json`);
        }
        config.out = path.join(folder, 'generated');
        const configFile = path.join(folder, 'langium-config.json');
        await writeFile(configFile, JSON.stringify(config));
        const cli = path.join(REPOSITORY_ROOT, 'node_modules/langium-cli/bin/langium.js');
        await promisify(execFile)(process.execPath, [cli, 'generate', '--file', configFile], { cwd: folder });
        const sources: Record<string, string> = {};
        for (const name of (await readdir(config.out)).sort()) {
            sources[name] = await readFile(path.join(config.out, name), 'utf8');
        }
        const textMate = await readFile(path.join(folder, 'minutes.tmLanguage.json'), 'utf8');
        return { sources, textMate };
    } finally {
        await rm(folder, { recursive: true, force: true });
    }
}
