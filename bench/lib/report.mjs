/** The targets of the benchmark, checked against the figures, and the table that shows both. */

const ms = value => (value === undefined || Number.isNaN(value) ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mb = bytes => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
const rate = value => `${value.toFixed(1)} MB/s`;
const times = value => `${value.toFixed(value < 10 ? 2 : 1)}×`;

/** Each target with the figure it is judged on; `met` is false when the figure is missing. */
export function targetsOf(results, config) {
    const big = `ws-${Math.max(...config.sizes)}`;
    const small = `ws-${Math.min(...config.sizes)}`;
    const lsp = results.lsp;
    const targets = [];
    const add = (name, value, limit, unit, extra = {}) => targets.push({ name, value, limit, unit, met: typeof value === 'number' && !Number.isNaN(value) && value <= limit, ...extra });
    add(`minutes check of ${big} vs markdown-it, wall`, results.checkVsMarkdown[big], 1.5, '×');
    add(`minutes check of ${big} vs markdown-it, CPU`, results.checkVsMarkdownCpu?.[big], 2.5, '×');
    add(`minutes check of ${big}, peak RSS`, results.check[big] && results.check[big].peakRssBytes / 1e6, 350, 'MB');
    add('didOpen → diagnostics, 1 MB file', lsp[big]?.largeOpen?.ms, 500, 'ms');
    for (const variant of ['', '-unresolved']) {
        const label = variant ? ', 1% unresolved' : '';
        add(`edit → diagnostics p95, ${big}${label}`, lsp[big + variant]?.edit?.p95, 100, 'ms');
        add(`edit p95 ${big} / ${small}${label}`, lsp[big + variant]?.edit?.p95 / lsp[small + variant]?.edit?.p95, 1.5, '×');
    }
    add('edit → diagnostics p95, 1 MB report', results.edits?.report?.p95, 50, 'ms');
    add('edit → diagnostics p95, 57 KB transcript', results.edits?.transcript?.p95, 42, 'ms');
    add(`completion p95, ${config.people} people`, lsp[big]?.completion?.p95, 50, 'ms');
    add(`heap after loading ${big} / source bytes`, lsp[big]?.heapMultipleOfSource, 30, '×');
    const archive = results.archive;
    add('archive: edit → diagnostics p95', archive?.edit?.p95, 50, 'ms');
    add('archive: completion p95', archive?.completion?.p95, 20, 'ms');
    add('archive: heap once validated / source bytes', archive?.validatedHeapMultipleOfSource, 8, '×');
    add('minutes --version', results.startup?.version, 300, 'ms');
    add('minutes --help', results.startup?.help, 300, 'ms');
    add('minutes check of one small file', results.startup?.checkOneFile, 600, 'ms');
    return targets;
}

/** The results as a Markdown table (what RESULTS.md and the README show). */
export function formatTable(results) {
    const rows = [];
    const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
    const targetOf = name => results.targets.find(t => t.name === name);
    const verdict = target => (target ? `${target.met ? '✅' : '❌'} ≤ ${target.limit}${target.unit === '×' ? '×' : ` ${target.unit}`}` : '');
    const load = value => (typeof value === 'number' ? ` (load ${value.toFixed(1)})` : '');

    rows.push('| Measure | Minutes | markdown-it baseline | Minutes ÷ baseline | Target |');
    rows.push('| --- | --- | --- | --- | --- |');
    for (const [name, check] of Object.entries(results.check)) {
        const md = results.markdown[name];
        const w = results.workload.workspaces.find(x => x.name === name);
        const targets = ['wall', 'CPU'].map(kind => targetOf(`minutes check of ${name} vs markdown-it, ${kind}`)).concat(targetOf(`minutes check of ${name}, peak RSS`));
        row(`\`minutes check\`, ${w.files} files (${mb(w.minutesBytes)} Minutes, ${mb(w.markdownBytes)} Markdown)`,
            `${ms(check.wallMs)} wall, ${ms(check.cpuMs)} CPU, ${rate(check.mbPerS)}, peak RSS ${mb(check.peakRssBytes)}${load(check.loadAverage)}`,
            `${ms(md.wallMs)} wall, ${ms(md.cpuMs)} CPU, ${rate(md.mbPerS)}, peak RSS ${mb(md.peakRssBytes)}${load(md.loadAverage)}`,
            `wall ${times(results.checkVsMarkdown[name])}, CPU ${times(results.checkVsMarkdownCpu?.[name] ?? NaN)}`,
            targets.filter(Boolean).map(t => `${verdict(t)}${t.unit === '×' ? ` ${t.name.split(', ').pop()}` : ' RSS'}`).join(', '));
        const single = results.checkOneThread?.[name];
        if (single) {
            row(`\`minutes check\`, ${w.files} files, one thread (\`MINUTES_THREADS=1\`)`,
                `${ms(single.wallMs)} wall, ${ms(single.cpuMs)} CPU, peak RSS ${mb(single.peakRssBytes)}${load(single.loadAverage)}`, '', '', '');
        }
    }
    for (const [name, lsp] of Object.entries(results.lsp)) {
        const w = results.workload.workspaces.find(x => x.name === name);
        const label = `${w.files} files${w.unresolved ? `, ${w.unresolvedRefs} unresolved names (1%)` : ''}`;
        row(`Language server: load ${label}`, `${ms(lsp.loadMs)} to settle; first full validation ${ms(lsp.firstValidationMs)}${load(lsp.loadAverage)}`, '', '', '');
        const editTarget = targetOf(`edit → diagnostics p95, ${name}${w.unresolved ? ', 1% unresolved' : ''}`);
        row(`One-character edit → diagnostics, ${label}`,
            `p50 ${ms(lsp.edit.p50)}, p95 ${ms(lsp.edit.p95)} (prose p95 ${ms(lsp.edit.prose.p95)}, name p95 ${ms(lsp.edit.name.p95)}); other files re-validated per edit: ${lsp.edit.otherDocumentsRevalidated.max}`,
            '', '', verdict(editTarget));
        const largestResolved = !w.unresolved && name === largestName(results);
        row(`Completion of a speaker name, ${label}`, `p50 ${ms(lsp.completion.p50)}, p95 ${ms(lsp.completion.p95)} (${lsp.completion.itemsMedian} items)`, '', '',
            verdict(largestResolved ? targetOf(`completion p95, ${results.workload.people} people`) : undefined));
        row(`Heap after loading, ${label}`, `${mb(lsp.heapUsedBytes)} (${times(lsp.heapMultipleOfSource)} the ${mb(w.minutesBytes)} source)`, '', '',
            verdict(largestResolved ? targetOf(`heap after loading ${name} / source bytes`) : undefined));
        if (lsp.largeOpen) {
            row(`didOpen → diagnostics, ${mb(lsp.largeOpen.bytes)} file, with ${label} loaded`, ms(lsp.largeOpen.ms), '', '', verdict(targetOf('didOpen → diagnostics, 1 MB file')));
        }
    }
    const archive = results.archive;
    if (archive) {
        const w = results.workload.archive;
        const label = `${w.files} files (${mb(w.minutesBytes)})`;
        row(`Language server: load the archive, ${label}`, `${ms(archive.loadMs)} to settle; first full validation ${ms(archive.firstValidationMs)}${load(archive.loadAverage)}`, '', '', '');
        row(`One-character edit → diagnostics, archive`, `p50 ${ms(archive.edit.p50)}, p95 ${ms(archive.edit.p95)} (prose p95 ${ms(archive.edit.prose.p95)}, name p95 ${ms(archive.edit.name.p95)})`, '', '', verdict(targetOf('archive: edit → diagnostics p95')));
        row(`Completion of a speaker name, archive`, `p50 ${ms(archive.completion.p50)}, p95 ${ms(archive.completion.p95)} (${archive.completion.itemsMedian} items)`, '', '', verdict(targetOf('archive: completion p95')));
        row(`Heap after loading, archive`, `${mb(archive.heapUsedBytes)} (${times(archive.heapMultipleOfSource)} the ${mb(w.minutesBytes)} source)`, '', '', '');
        row(`Heap once every file is validated, archive`, `${mb(archive.validatedHeapUsedBytes)} (${times(archive.validatedHeapMultipleOfSource)} the ${mb(w.minutesBytes)} source)`, '', '', verdict(targetOf('archive: heap once validated / source bytes')));
        const ledger = archive.ledger;
        if (ledger) {
            row(`The whole action ledger, archive: completion after \`update #\`, New Meeting in Series`,
                `first completion ${ms(ledger.firstCompletionMs)} (${ledger.items} items), then p50 ${ms(ledger.nextCompletionP50)}; heap after it ${times(ledger.heapAfterCompletionMultipleOfSource)} the source; `
                + `series ${ms(ledger.seriesMs)} (${ledger.series}), draft ${ms(ledger.nextMeetingMs)}, heap after ${times(ledger.heapAfterNextMeetingMultipleOfSource)}; `
                + `released trees ${ledger.releasedBefore}, after the completion ${ledger.releasedAfterCompletion} (${ledger.parsedAgainByCompletion} parsed again), after the draft ${ledger.releasedAfter} (${ledger.parsedAgain} parsed again in all)`, '', '', '');
        }
    }
    const editTargets = { report: '1 MB report', transcript: '57 KB transcript' };
    const editLabels = { 'report-in-full': 'report, every edit parsed in full (before)' };
    for (const [name, edits] of Object.entries(results.edits ?? {})) {
        const kinds = Object.entries({ prose: 'prose', name: 'name', newLine: 'new line', deletedLine: 'deleted line', paste: 'paste' })
            .map(([kind, label]) => `${label} ${ms(edits.kinds[kind].p50)} / ${ms(edits.kinds[kind].p95)}`).join(', ');
        row(`Edit → diagnostics in the ${editLabels[name] ?? name} (${edits.bytes < 1e6 ? `${Math.round(edits.bytes / 1e3)} KB` : mb(edits.bytes)}, ${edits.lines.toLocaleString('en')} lines), p50 / p95`,
            `p50 ${ms(edits.p50)}, p95 ${ms(edits.p95)} (${kinds})${editLabels[name] ? '' : `; ${edits.reparses.incremental} of ${edits.reparses.incremental + edits.reparses.full} edits parsed incrementally`}`,
            '', '', verdict(targetOf(`edit → diagnostics p95, ${editTargets[name]}`)));
    }
    // A ratio of two runs the bench did not make (`--only startup`) is no row.
    for (const t of results.targets.filter(t => t.name.startsWith('edit p95') && Number.isFinite(t.value))) {
        row(`Edit p95, ${t.name.replace('edit p95 ', '')}`, `${t.value.toFixed(3)}×`, '', '', verdict(t));
    }
    if (results.startup) {
        const s = results.startup;
        const vsNode = value => `${(value / s.node).toFixed(1)}× \`node -e 0\` (${ms(s.node)})`;
        row('`minutes --version`', ms(s.version), '', vsNode(s.version), verdict(targetOf('minutes --version')));
        row('`minutes --help`', ms(s.help), '', vsNode(s.help), verdict(targetOf('minutes --help')));
        row('`minutes check` of one small file', ms(s.checkOneFile), '', vsNode(s.checkOneFile), verdict(targetOf('minutes check of one small file')));
    }
    if (results.generation?.available) {
        for (const format of ['email', 'html', 'json']) {
            const g = results.generation[format];
            if (g) row(`Generation: ${format}`, `${rate(g.mbPerS)} (${g.documents} meetings, ${mb(g.sourceBytes)} in, ${mb(g.outputBytes)} out)`, '', '', '');
        }
    } else if (results.generation) {
        row('Generation', 'generators not available', '', '', '');
    }
    const m = results.machine;
    rows.push('');
    rows.push(`Machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${m.node}, ${m.platform}; load average at the end ${m.loadAverage.map(l => l.toFixed(1)).join(' ')}. ${results.mode === 'smoke' ? 'Smoke run (structure only).' : `Medians of ${results.rounds} rounds after ${results.warmupRounds} warm-up round.`} ${m.date}.`);
    return rows.join('\n');
}

function largestName(results) {
    return Object.keys(results.check).sort((a, b) => Number(b.slice(3)) - Number(a.slice(3)))[0];
}
