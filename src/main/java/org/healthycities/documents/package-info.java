/**
 * Documents for every feature: {@link org.healthycities.documents.DocumentService} reads an upload (checked by
 * content, read by Apache Tika within limits) and stores it with its text; {@link
 * org.healthycities.documents.DocumentDownloads} sends one to a browser. The reading, storage, search and the
 * documents' own pages are internal.
 */
package org.healthycities.documents;
