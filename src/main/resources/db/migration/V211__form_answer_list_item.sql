-- A dynamic list's answers (form-js "dynamiclist"): field "path.key" of item list_item (0, 1, ...); NULL outside lists.
ALTER TABLE form_answer ADD COLUMN list_item INT NULL AFTER field_key;
