-- Whether the extracted text was cut off at the text limit (hc.documents.max-chars); the newest first per network.
ALTER TABLE document ADD COLUMN text_truncated BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_document_network_uploaded ON document (network_id, uploaded_at);
