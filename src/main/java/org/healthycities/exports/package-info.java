/**
 * Exports for every feature: {@link org.healthycities.exports.ExportTable} writes a table's rows as CSV (as Excel
 * opens it in the Nordic countries) or XLSX, with formulas kept from running; the writers themselves are internal.
 */
package org.healthycities.exports;
