import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../src/generated/ast.js';
import { loadExamples } from '../helpers/examples.js';
import { buildWorkspace } from '../helpers/workspace.js';

const CORPUS = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

/** Each corpus record (its `.minutes` file and its own directory), and each example. */
export async function corpusAndExamples(): Promise<Array<{ name: string; document: Document }>> {
    const result: Array<{ name: string; document: Document }> = [];
    for (const folder of existsSync(CORPUS) ? readdirSync(CORPUS).sort() : []) {
        const file = path.join(CORPUS, folder, `${folder}.minutes`);
        if (!existsSync(file)) continue;
        const files: Record<string, string> = { [`${folder}.minutes`]: readFileSync(file, 'utf8') };
        const directory = path.join(CORPUS, folder, 'directory.minutes');
        if (existsSync(directory)) files['directory.minutes'] = readFileSync(directory, 'utf8');
        const { documents } = await buildWorkspace(files);
        result.push({ name: `corpus/${folder}`, document: documents[`${folder}.minutes`].parseResult.value });
    }
    for (const [name, document] of await loadExamples()) {
        if (name !== 'directory.minutes') result.push({ name: `examples/${name}`, document: document.parseResult.value });
    }
    return result;
}
