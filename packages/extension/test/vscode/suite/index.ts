// The mocha runner VS Code loads in its extension host (bundled to out/test/suite/index.cjs).
import Mocha from 'mocha';
import * as path from 'node:path';

export function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
    mocha.addFile(path.resolve(__dirname, 'extension.suite.cjs'));
    return new Promise((resolve, reject) => {
        mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
    });
}
