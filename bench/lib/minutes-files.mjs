import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The `.minutes` files under a folder, as absolute paths, in the order of their names, folder by folder. */
export async function minutesFilesUnder(dir) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const files = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) files.push(...await minutesFilesUnder(full));
        else if (entry.name.endsWith('.minutes')) files.push(path.resolve(full));
    }
    return files;
}
