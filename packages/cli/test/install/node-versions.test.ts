import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

// The Node versions users run are tested in CI: .ci/run runs the install and protocol tests under
// each (scripts/test-on-node.sh), from a release pinned exactly in scripts/install-node.sh.
const ci = readFileSync(path.join(REPO, '.ci/run'), 'utf8');
const installer = readFileSync(path.join(REPO, 'scripts/install-node.sh'), 'utf8');
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');

const majorsRun = (/^NODE_MAJORS=\(([^)]*)\)$/m.exec(ci)?.[1] ?? '').split(/\s+/).filter(Boolean);
const pins = new Map([...installer.matchAll(/^\s*(\d+)\) VERSION="([^"]+)" ;;$/gm)].map(match => [match[1], match[2]]));

describe('the Node versions CI tests', () => {
    test('are 22 and 24, each run by .ci/run with its results counted in the closing line', () => {
        expect(majorsRun).toEqual(['22', '24']);
        expect(ci).toMatch(/bash scripts\/test-on-node\.sh "\$major"/);
        expect(ci).toMatch(/vitest-node\$\{NODE_MAJORS\[\$i\]\}\.json \$\{node_codes\[\$i\]\}/);
    });

    test('each from a release pinned exactly, of its own major version', () => {
        for (const major of majorsRun) {
            expect(pins.get(major), `a pin for Node ${major}`).toMatch(new RegExp(`^${major}\\.\\d+\\.\\d+$`));
        }
    });

    test('and the README names them', () => {
        for (const major of majorsRun) expect(readme).toContain(`Node ${major}`);
        expect(readme).not.toMatch(/Node 22 is not tested/);
    });
});
