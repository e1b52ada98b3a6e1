/**
 * The forms engine: form-js files and designed forms parsed, rendered, checked with FEEL and stored one row per
 * answer, with drafts, conflicts, private links and CSV/XLSX exports. Other features use its API in this package:
 * {@link org.healthycities.forms.FormCatalog}, {@link org.healthycities.forms.FormViews},
 * {@link org.healthycities.forms.Submissions}, {@link org.healthycities.forms.SubmissionLinks},
 * {@link org.healthycities.forms.FormDesigner}, {@link org.healthycities.forms.FormTaskRules} and the values they
 * take and give ({@code FormInput}, {@code FormView}, {@code SaveResult}, {@code Subject}, {@code Submission}, ...).
 * The pages, the Tasklist form handler, the personal-data holder, the designed-form repository and the FEEL,
 * visibility and validation rules are internal; the package-private helpers of the services (parser, translations,
 * Markdown, the submission store) stay beside them, where Java already keeps them from other features.
 */
package org.healthycities.forms;
