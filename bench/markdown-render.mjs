#!/usr/bin/env node
/**
 * The baseline of `npm run bench`: reads every .md file under the given folders and renders
 * it to HTML with markdown-it (default options), as a process of its own so that it is
 * timed like `minutes check`. Prints the number of files, source bytes and HTML bytes.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';

async function markdownFiles(folder) {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const files = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) files.push(...await markdownFiles(full));
        else if (entry.isFile() && entry.name.endsWith('.md')) files.push(full);
    }
    return files;
}

const markdown = new MarkdownIt();
let files = 0;
let sourceBytes = 0;
let htmlBytes = 0;
for (const folder of process.argv.slice(2)) {
    for (const file of await markdownFiles(folder)) {
        const source = await fs.readFile(file, 'utf8');
        const html = markdown.render(source);
        files++;
        sourceBytes += Buffer.byteLength(source);
        htmlBytes += html.length;
    }
}
process.stdout.write(`${JSON.stringify({ files, sourceBytes, htmlBytes })}\n`);
