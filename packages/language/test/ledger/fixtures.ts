import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWorkspace } from '../helpers/workspace.js';

/** The `.minutes` files of a fixture folder (name → text). */
export function fixtureFiles(folder: string): Record<string, string> {
    const path = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
    const files: Record<string, string> = {};
    for (const name of readdirSync(path).filter(n => n.endsWith('.minutes')).sort()) {
        files[name] = readFileSync(path + name, 'utf8');
    }
    return files;
}

/** A fixture folder built as a workspace. */
export function buildFixture(folder: string): ReturnType<typeof buildWorkspace> {
    return buildWorkspace(fixtureFiles(folder));
}
