// Packages the bundled extension as minutes-<version>.vsix with @vscode/vsce and checks
// what went in: the bundles and the manifest's files only, no node_modules, under 3 MB.
// Run through `npm run package`, which bundles first.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const MAX_BYTES = 3 * 1024 * 1024;

// The bundles carry every dependency: vsce must not collect node_modules (--no-dependencies).
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'inherit' });

const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n').map(line => line.trim()).filter(Boolean);
const unexpected = listing.filter(file => file.includes('node_modules') || /\.(ts|map)$/.test(file));
const required = ['out/extension.cjs', 'out/server.cjs', 'syntaxes/minutes.tmLanguage.json', 'images/icon.png', 'README.md', 'CHANGELOG.md', 'LICENSE'];
const missing = required.filter(file => !listing.includes(file));
const size = statSync(vsix).size;
console.log(`${vsix}: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files: ${listing.join(', ')}`);
if (unexpected.length > 0 || missing.length > 0 || size > MAX_BYTES) {
    console.error([
        unexpected.length > 0 ? `unexpected files: ${unexpected.join(', ')}` : '',
        missing.length > 0 ? `missing files: ${missing.join(', ')}` : '',
        size > MAX_BYTES ? `larger than 3 MB (${size} bytes)` : ''
    ].filter(Boolean).join('\n'));
    process.exit(1);
}
