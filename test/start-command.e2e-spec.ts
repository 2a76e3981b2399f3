import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR, startNodeFlags } from '../scripts/start-command';

/** The production node flags are written once (package.json's start); the image must run the same. */
describe('start command', () => {
  it('npm start caps the heap and sizes the young generation', () => {
    expect(startNodeFlags()).toEqual(['--max-old-space-size=256', '--max-semi-space-size=32']);
  });

  it("the Dockerfile's CMD runs node with exactly the flags of npm start", () => {
    const dockerfile = readFileSync(join(ROOT_DIR, 'Dockerfile'), 'utf8');
    const cmd = dockerfile.split('\n').find((line) => line.startsWith('CMD '));
    expect(cmd).toContain(`exec node ${startNodeFlags().join(' ')} dist/src/main.js`);
  });
});
