// For a test file whose every test starts from a fresh, empty workspace: it is opened before each
// test and disposed of after it. The object returned stands for the running test's workspace (it
// forwards to it), so the file names it once: `const b = tempBackendEachTest();`. `prepare` runs on
// each new workspace before the test (e.g. the office profile the file's tests assume).
import { afterEach, beforeEach } from 'vitest';
import { tempBackend, type TestBackend } from './backend';

export function tempBackendEachTest(prepare?: (b: TestBackend) => void): TestBackend {
  let current: TestBackend | undefined;
  beforeEach(() => {
    current = tempBackend();
    prepare?.(current);
  });
  afterEach(() => {
    current?.dispose();
    current = undefined;
  });
  return new Proxy({} as TestBackend, {
    get: (_target, key) => {
      if (!current) throw new Error('测试工作区只在测试运行时打开');
      return Reflect.get(current, key) as unknown;
    },
  });
}
