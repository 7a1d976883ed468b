// The notices of the third-party packages a bundle carries (the CLI's dist/, the extension's
// out/): each package esbuild took a file from, with its version, licence and licence text.
// MIT, ISC, BSD and Apache licences ask that the notice travel with the code.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes the notices for an esbuild metafile's inputs (paths relative to `workingDir`, esbuild's
 * default) to `file`; returns the packages named.
 */
export async function writeThirdPartyNotices(metafile, workingDir, file) {
    const folders = new Map();
    for (const input of Object.keys(metafile.inputs)) {
        const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
        if (match) folders.set(match[1], join(workingDir, match[1]));
    }
    const entries = [];
    for (const folder of [...new Set(folders.values())].sort()) {
        const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
        const names = await readdir(folder);
        const licenceFile = names.find(name => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
        const text = licenceFile ? (await readFile(join(folder, licenceFile), 'utf8')).trim() : `(no licence file; package.json says: ${manifest.license ?? 'nothing'})`;
        entries.push({ name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN', text });
    }
    const unique = [...new Map(entries.map(entry => [`${entry.name}@${entry.version}`, entry])).values()];
    const body = unique.map(entry => `${entry.name} ${entry.version} (${entry.license})\n\n${entry.text}\n`).join(`\n${'-'.repeat(72)}\n\n`);
    await writeFile(file, `Third-party software in this package\n\n${unique.length} packages are bundled here; their notices follow.\n\n${'='.repeat(72)}\n\n${body}`);
    return unique.map(entry => entry.name);
}
