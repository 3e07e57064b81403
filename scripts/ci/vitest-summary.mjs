#!/usr/bin/env node
// Print the one-line test summary `N passed, N failed, N skipped` from a vitest JSON report.
//
//   node scripts/ci/vitest-summary.mjs test-artifacts/vitest-report.json
//
// stdout gets exactly the summary line; explanations go to stderr first.
// Exit code: 0 when the report shows at least one test and no failure, 1 otherwise
// (missing or unreadable report, failed tests or test files, zero tests run).
import { readFileSync, realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Counts from a parsed vitest JSON report. A test file that failed before any of its
 * tests ran (import error, error in a top-level hook) has no failed test to count, so it
 * counts as one failure here; otherwise the line would read "0 failed" for a broken run.
 */
export function summarize(report) {
  const num = (key) => (Number.isFinite(report?.[key]) ? report[key] : 0);
  const brokenFiles = (report?.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  );
  return {
    passed: num('numPassedTests'),
    failed: num('numFailedTests') + brokenFiles.length,
    skipped: num('numPendingTests') + num('numTodoTests'),
    brokenFiles: brokenFiles.map((file) => ({
      name: file.name,
      message: file.message ?? '',
    })),
  };
}

export function formatSummary({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

function main(argv) {
  const reportPath = argv[2];
  if (!reportPath) {
    console.error('usage: node scripts/ci/vitest-summary.mjs <vitest-report.json>');
    return 2;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (error) {
    const why =
      error?.code === 'ENOENT'
        ? `${reportPath} does not exist: vitest did not finish (crashed, timed out, or the config lost its json reporter)`
        : `${reportPath} could not be read as JSON: ${error?.message ?? error}`;
    console.error(`vitest-summary: ${why}. Counting the whole run as one failure.`);
    console.log(formatSummary({ passed: 0, failed: 1, skipped: 0 }));
    return 1;
  }

  const summary = summarize(report);
  for (const file of summary.brokenFiles) {
    const firstLine = file.message.split('\n')[0];
    console.error(
      `vitest-summary: test file failed before its tests ran, counted as 1 failure: ` +
        `${relative(process.cwd(), file.name)}${firstLine ? ` (${firstLine})` : ''}`,
    );
  }
  const ran = summary.passed + summary.failed;
  if (ran === 0) console.error('vitest-summary: no test ran; a CI run must run tests.');
  console.log(formatSummary(summary));
  return summary.failed === 0 && ran > 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = main(process.argv);
}
