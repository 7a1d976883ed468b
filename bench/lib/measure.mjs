/** Running a command as a process and measuring its wall time and peak memory; statistics. */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args` to completion and returns its wall time (ms), CPU time (user +
 * system, ms, all its threads), peak resident set size (bytes), exit code, standard output
 * and the one-minute load average when it started (the machine is shared: a figure means
 * little without it). The peak and the CPU time come from GNU time's report when
 * /usr/bin/time is there, otherwise from polling VmHWM in /proc/PID/status (CPU time is
 * then not known).
 */
export async function runProcess(command, args, options = {}) {
    const useGnuTime = existsSync(GNU_TIME);
    const timeReport = useGnuTime ? `${os.tmpdir()}/minutes-bench-time-${process.pid}-${Date.now()}.txt` : undefined;
    const [file, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', timeReport, command, ...args]] : [command, args];
    const loadAverage = os.loadavg()[0];
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    let polledPeak = 0;
    const poll = useGnuTime ? undefined : setInterval(() => {
        polledPeak = Math.max(polledPeak, readHighWaterMark(child.pid));
    }, 5);
    const exitCode = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', code => resolve(code ?? -1));
    });
    const wallMs = performance.now() - started;
    if (poll) clearInterval(poll);
    let peakRssBytes = polledPeak;
    if (timeReport) {
        const report = await fs.readFile(timeReport, 'utf8').catch(() => '');
        await fs.rm(timeReport, { force: true });
        const kbytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (kbytes) peakRssBytes = Number(kbytes[1]) * 1024;
        const seconds = label => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(report)?.[1] ?? NaN);
        const cpuMs = (seconds('User') + seconds('System')) * 1000;
        const status = /Exit status: (\d+)/.exec(report);
        if (status) return { wallMs, cpuMs, peakRssBytes, loadAverage, exitCode: Number(status[1]), stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
        return { wallMs, cpuMs, peakRssBytes, loadAverage, exitCode, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
    }
    return { wallMs, cpuMs: NaN, peakRssBytes, loadAverage, exitCode, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() };
}

/** VmHWM of a running process in bytes (0 once it has gone). */
export function readHighWaterMark(pid) {
    try {
        // Synchronous on purpose: the process may end between an open and a read.
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) * 1024 : 0;
    } catch {
        return 0;
    }
}

/** The q-quantile (0..1) of numbers, by linear interpolation between closest ranks. */
export function quantile(values, q) {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const at = (sorted.length - 1) * q;
    const low = Math.floor(at);
    const high = Math.ceil(at);
    return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export const median = values => quantile(values, 0.5);

/** The machine the figures were taken on. */
export function machine() {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model?.trim() ?? 'unknown',
        cores: cpus.length,
        memoryBytes: os.totalmem(),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        date: new Date().toISOString()
    };
}
