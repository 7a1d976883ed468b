import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/minutes.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

export interface RunOptions {
    cwd?: string;
    input?: string;
    env?: Record<string, string>;
    /** A module node loads before the CLI (`--import`), to make a file system call fail. */
    preload?: string;
    /** As the user `nobody` when the tests run as root, so that permissions apply. */
    unprivileged?: boolean;
}

/** Runs the real `minutes` command as a process. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
    return runProcess(process.execPath, [...(options.preload ? ['--import', options.preload] : []), CLI, ...args], options);
}

/** Runs a command as a process, without colours, and collects what it writes. */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, {
            cwd: options.cwd ?? REPO,
            env: { ...process.env, NO_COLOR: '1', ...options.env },
            stdio: ['pipe', 'pipe', 'pipe'],
            // Root may read and write anything.
            ...(options.unprivileged && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {})
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', chunk => stdout += chunk);
        child.stderr.setEncoding('utf8').on('data', chunk => stderr += chunk);
        child.on('error', reject);
        child.on('close', code => resolve({ code, stdout, stderr }));
        child.stdin.end(options.input ?? '');
    });
}

/** A temporary folder holding the given files (name → content). */
export function tempWorkspace(files: Record<string, string | Buffer>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'minutes-cli-'));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(folder, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    return folder;
}
