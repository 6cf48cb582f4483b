// Adds up the test counts of the jest and Playwright JSON reports and prints one closing line.
const fs = require('fs');
const path = require('path');

const [dir, failedStepsArg] = process.argv.slice(2);
const failedSteps = Number(failedStepsArg || 0);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const jest = read('jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
  skipped += jest.numPendingTests + (jest.numTodoTests || 0);
  console.log(
    `jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed in ${jest.numTotalTestSuites} suites`,
  );
} else {
  console.log('jest: no report');
}

const pw = read('playwright.json');
if (pw) {
  const s = pw.stats || {};
  passed += s.expected || 0;
  failed += (s.unexpected || 0) + (s.flaky || 0);
  skipped += s.skipped || 0;
  console.log(
    `playwright: ${s.expected || 0} passed, ${
      (s.unexpected || 0) + (s.flaky || 0)
    } failed`,
  );
} else {
  console.log('playwright: no report');
}

const goReport = path.join(dir, 'go-test.txt');
if (fs.existsSync(goReport)) {
  const text = fs.readFileSync(goReport, 'utf8');
  const p = (text.match(/^--- PASS/gm) || []).length;
  const f = (text.match(/^--- FAIL/gm) || []).length;
  passed += p;
  failed += f;
  console.log(`go: ${p} passed, ${f} failed`);
}

// Script tests that run as one step (the local control plane's smoke test) count as one test each.
const stepsFile = path.join(dir, 'steps.txt');
if (fs.existsSync(stepsFile)) {
  for (const line of fs.readFileSync(stepsFile, 'utf8').split('\n')) {
    if (!line.includes('smoke test')) continue;
    if (line.startsWith('ok ')) passed += 1;
    else failed += 1;
    console.log(`script: ${line}`);
  }
}

if (passed === 0) failed += 1; // a run that ran no test is not a pass
console.log(
  `\n${passed} passed, ${failed} failed${
    skipped ? `, ${skipped} skipped` : ''
  }`,
);
process.exit(failed > 0 || failedSteps > 0 ? 1 : 0);
