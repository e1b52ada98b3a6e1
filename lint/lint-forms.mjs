// Lints Camunda Forms with @camunda/form-linting, the linter Camunda Modeler runs on a form.
//
//   node lint/lint-forms.mjs forms/*.form ...
//
// Prints one line per problem (file, field id, label, message) and exits 1 on any error or warning.
//
// Every form here is for Camunda Platform 7.24: Tasklist 7.24 renders it with the form-js it bundles (1.8,
// schemaVersion 16), and so do our own pages. A form that declares another platform or version is an error.
//
// The linter picks its rules by the form's executionPlatformVersion, from a table that (in 0.25.0) ends at 7.22
// (form-js 1.8.7); for 7.23 and 7.24 it finds no rules and reports nothing at all. So a 7.24 form is linted
// with the rules of the newest 7.x version the linter knows, the same form-js 1.8 line that Tasklist 7.24 ships
// (its webjar has schemaVersion 16 and no filepicker). As soon as a newer linter knows 7.24 itself, its own
// rules are used: the script asks the linter, not a list of its own.
//
// forms/annual-evaluation.form uses a dynamiclist (the round's goals, with checklist, radio, select, text,
// textarea and textfield inside). The 7.x rules accept it (dynamiclist exists since form-js 1.6) and report
// nothing for that form, so no exception is needed: Tasklist 7.24 renders it (README.md, "Forms", tells the one
// thing that does not work there: Tasklist keeps its Complete button disabled for this form).

import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

// @camunda/form-linting's sources import './lib/FormLinter' without '.js'; see resolve-hooks.mjs
register('./resolve-hooks.mjs', import.meta.url);
const { FormLinter } = await import('@camunda/form-linting');

const PLATFORM = 'Camunda Platform';
const VERSION = /^7\.24(\.\d+)?$/;
// the newest Camunda 7 version @camunda/form-linting 0.25.0 has rules for (form-js 1.8.7)
const NEWEST_KNOWN_7X = '7.22.0';

const linter = new FormLinter();

/** Whether the linter has rules for this version: an unknown component is an error under any rules it has. */
function linterKnows(version) {
  const probe = {
    type: 'default', id: 'probe', schemaVersion: 16,
    executionPlatform: PLATFORM, executionPlatformVersion: version,
    components: [ { type: 'no-such-component', id: 'probe-field', key: 'probe' } ]
  };
  return linter.lint(probe).length > 0;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node lint-forms.mjs FORM_FILE...');
  process.exit(2);
}
if (!linterKnows(NEWEST_KNOWN_7X)) {
  console.error(`@camunda/form-linting has no rules for ${PLATFORM} ${NEWEST_KNOWN_7X}: update NEWEST_KNOWN_7X`);
  process.exit(2);
}

let errors = 0;
let warnings = 0;
const fellBack = new Set();

function problem(file, category, id, label, message) {
  if (category === 'error') {
    errors++;
  } else if (category === 'warn') {
    warnings++;
  }
  const field = id ? `: ${id}${label && label !== id ? ` "${label}"` : ''}` : '';
  console.log(`${file}${field}: ${category}: ${message}`);
}

for (const path of files) {
  const file = relative(process.cwd(), path) || path;
  let schema;
  try {
    schema = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problem(file, 'error', null, null, `not a readable form: ${e.message}`);
    continue;
  }
  const { executionPlatform, executionPlatformVersion } = schema;
  if (executionPlatform !== PLATFORM || !VERSION.test(executionPlatformVersion || '')) {
    problem(file, 'error', schema.id, null, `declares ${executionPlatform} ${executionPlatformVersion}; `
        + `the forms here are for ${PLATFORM} 7.24 (executionPlatform, executionPlatformVersion)`);
    continue;
  }
  const known = linterKnows(executionPlatformVersion);
  const version = known ? executionPlatformVersion : NEWEST_KNOWN_7X;
  if (!known && !fellBack.has(executionPlatformVersion)) {
    fellBack.add(executionPlatformVersion);
    console.log(`form-linting: no rules for ${PLATFORM} ${executionPlatformVersion} in this linter; `
        + `${executionPlatformVersion} forms are checked with its ${NEWEST_KNOWN_7X} rules (form-js 1.8, as Tasklist 7.24)`);
  }
  for (const report of linter.lint({ ...schema, executionPlatformVersion: version })) {
    problem(file, report.category, report.id, report.label, report.message);
  }
}

console.log(`form-linting: ${files.length} form${files.length === 1 ? '' : 's'} checked, `
    + `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
process.exit(errors + warnings > 0 ? 1 : 0);
