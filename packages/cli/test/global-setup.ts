// @ts-expect-error: plain JavaScript, the build's own script
import { bundleCli } from '../scripts/bundle.mjs';

/**
 * The CLI tests start bin/minutes.js, which runs the esbuild bundle in dist/: it is rebuilt
 * from the sources before every run (about a second), so that no test runs a stale bundle.
 */
export default async function setup(): Promise<void> {
    await bundleCli();
}
