// Runs the integration tests (suite/) in VS Code with the extension under development.
//
//   npm run test:vscode                      downloads VS Code (stable, or VSCODE_VERSION)
//   VSCODE_EXECUTABLE=/path/to/code npm run test:vscode   uses an installed VS Code
//
// The tests open a copy of test/vscode/fixtures/ as the workspace.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

async function main(): Promise<void> {
    // This file is bundled to out/test/run.cjs.
    const extensionDevelopmentPath = path.resolve(__dirname, '../..');
    const extensionTestsPath = path.resolve(__dirname, 'suite/index.cjs');
    const workspace = mkdtempSync(path.join(tmpdir(), 'minutes-vscode-test-'));
    cpSync(path.join(extensionDevelopmentPath, 'test/vscode/fixtures'), workspace, { recursive: true });
    try {
        await runTests({
            extensionDevelopmentPath,
            extensionTestsPath,
            vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
            version: process.env.VSCODE_VERSION || undefined,
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
        });
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
