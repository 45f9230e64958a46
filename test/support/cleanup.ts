// Runs before every test file: the temporary repositories a file builds are removed once its tests are done,
// so a test run leaves nothing behind in the system's temp folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../../src/testing/fixture-repo.js';

afterAll(() => removeTempDirs());
