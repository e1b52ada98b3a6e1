package org.healthycities.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.documents.UploadResult;
import org.healthycities.forms.internal.FormValidator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filling in forms: a submission per subject, drafts saved with optimistic locking (a stale version is a
 * {@link SaveResult.Conflict}, never an overwrite), submit (fully validated, then locked), reopen, and the
 * answers for processes and reports. Every save is all or nothing.
 */
@Service
public class Submissions {

    /** The owner type of the documents uploaded in forms (see DocumentService). */
    public static final String DOCUMENT_OWNER = "submission";
    /** A file chosen on a save that was refused, kept (owner id "submission:key") so it need not be chosen again. */
    static final String PENDING_OWNER = DocumentService.PENDING + DOCUMENT_OWNER;

    private final FormCatalog catalog;
    private final SubmissionStore store;
    private final DocumentService documents;
    private final TransactionTemplate tx;

    Submissions(FormCatalog catalog, SubmissionStore store, DocumentService documents, PlatformTransactionManager txm) {
        this.catalog = catalog;
        this.store = store;
        this.documents = documents;
        this.tx = new TransactionTemplate(txm);
    }

    /** A new, empty draft of the form's latest version; for an anonymous form the submitter is dropped. */
    public Submission create(String formId, Subject subject, String networkId, Submitter submitter) {
        return create(catalog.latest(formId), subject, networkId, submitter);
    }

    /** A new, empty draft of this version of a form (a published designed form, say). */
    public Submission create(String formId, String versionHash, Subject subject, String networkId, Submitter submitter) {
        return create(catalog.version(formId, versionHash), subject, networkId, submitter);
    }

    private Submission create(FormDefinition form, Subject subject, String networkId, Submitter submitter) {
        Submitter who = form.anonymous() || submitter == null ? Submitter.NOBODY : submitter;
        return tx.execute(s -> {
            catalog.remember(form);
            return store.find(store.insert(form, subject, networkId, who)).orElseThrow();
        });
    }

    public Optional<Submission> find(long id) {
        return store.find(id);
    }

    public List<Submission> findFor(Subject subject) {
        return store.findBySubject(subject);
    }

    /**
     * Data protection: replaces the answers to these fields, in every submission about the subject, by the erased
     * marker (e.g. an erased contact's phone); runs in the caller's transaction. Returns the rows changed.
     */
    public int eraseAnswers(Subject subject, Collection<String> fieldKeys) {
        return fieldKeys.isEmpty() ? 0 : store.eraseAnswers(subject, fieldKeys);
    }

    /** The answers of every submitted submission about the subject made with this form version, by submission id. */
    public Map<Long, Map<String, Object>> submittedAnswers(Subject subject, FormDefinition form) {
        return store.submittedAnswers(subject, form);
    }

    /** The form version this submission was made with. */
    public FormDefinition form(Submission submission) {
        return catalog.version(submission.formId(), submission.formVersionHash());
    }

    /**
     * Checks answers against a form without storing anything (e.g. before creating the record they belong to);
     * uploads are checked only when stored.
     */
    public List<FieldError> check(FormDefinition form, FormInput input, boolean submitting) {
        return check(form, FormFeed.NONE, input, submitting);
    }

    /** {@link #check(FormDefinition, FormInput, boolean)} of a form opened with data (options, read-only values). */
    public List<FieldError> check(FormDefinition form, FormFeed feed, FormInput input, boolean submitting) {
        FormInput in = compact(form, input);
        return FormValidator.validate(form.resolve(feed, in.values().keySet()), in,
                submitting ? FormValidator.Mode.SUBMIT : FormValidator.Mode.DRAFT, Map.of()).errors();
    }

    /** Saves unfinished answers: types and limits are checked, required fields are not. */
    public SaveResult<Submission> saveDraft(long id, int expectedVersion, FormInput input) {
        return save(id, expectedVersion, input, FormValidator.Mode.DRAFT, FormFeed.NONE);
    }

    /** Hands in: everything is checked (required fields too); then the submission is locked. */
    public SaveResult<Submission> submit(long id, int expectedVersion, FormInput input) {
        return save(id, expectedVersion, input, FormValidator.Mode.SUBMIT, FormFeed.NONE);
    }

    /**
     * Saves as a draft or hands in a form that is filled in with data (options of valuesKey, read-only values, the
     * items of lists the data gives), as the page that showed it was given the same data.
     */
    public SaveResult<Submission> save(long id, int expectedVersion, FormInput input, boolean submitting,
                                       FormFeed feed) {
        return save(id, expectedVersion, input, submitting ? FormValidator.Mode.SUBMIT : FormValidator.Mode.DRAFT, feed);
    }

    /** The added items left as they came are dropped from the lists the person adds to; marks go. */
    static FormInput compact(FormDefinition template, FormInput input) {
        FormInput in = input.withoutMarks();
        for (FormComponent list : FormDefinition.lists(template.components())) {
            if (list.extras().allowAddRemove()) {
                FormDefinition items = new FormDefinition(template.id(), "", 0, Map.of(), list.components(), "");
                in = in.withoutBlankItems(list.extras().path(), local -> items.field(local)
                        .map(f -> f.defaultValue() == null ? List.<String>of() : FormViews.posted(f.defaultValue()))
                        .orElse(List.of()));
            }
        }
        return in;
    }

    /** The process sends a submitted form back: it becomes a draft again (with a new version). */
    public Submission reopen(long id) {
        store.reopen(id);
        return store.find(id).orElseThrow(() -> new NoSuchElementException("No submission " + id));
    }

    /**
     * The stored answers by field key, typed: String, BigDecimal, Boolean, LocalDate, List of option values
     * (multi-choice), DocumentRef (upload). Hidden and unanswered fields are absent.
     */
    public Map<String, Object> answers(long id) {
        Submission s = store.find(id).orElseThrow(() -> new NoSuchElementException("No submission " + id));
        return store.answers(id, form(s));
    }

    /**
     * The answers as process variables Camunda stores without Java serialization: numbers as Long or Double,
     * dates as java.util.Date, multi-choices as comma-separated option values, uploads as the document id.
     */
    public Map<String, Object> variables(long id) {
        Map<String, Object> variables = new LinkedHashMap<>();
        answers(id).forEach((key, value) -> variables.put(key, variable(value)));
        return variables;
    }

    public static Object variable(Object value) {
        if (value instanceof BigDecimal n) {
            return n.scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
        }
        if (value instanceof LocalDate d) {
            return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof List<?> many) {
            return String.join(",", many.stream().map(String::valueOf).toList());
        }
        if (value instanceof DocumentRef doc) {
            return doc.documentId();
        }
        return value;
    }

    private SaveResult<Submission> save(long id, int expectedVersion, FormInput posted, FormValidator.Mode mode,
                                        FormFeed feed) {
        Submission current = store.find(id).orElseThrow(() -> new NoSuchElementException("No submission " + id));
        if (current.isLocked()) {
            return new SaveResult.Closed<>(current);
        }
        FormInput input = compact(form(current), posted);
        FormDefinition form = form(current).resolve(feed, input.values().keySet());
        if (current.version() != expectedVersion) {
            keep(current, read(input.uploads()));
            return conflict(current, form, input);
        }
        Map<String, Object> stored = store.answers(id, form);
        Map<String, DocumentRef> documents = documents(current, stored);
        FormValidator.Validated checked = FormValidator.validate(form, input, mode, documents);
        if (!checked.ok()) {
            keep(current, read(checked.uploads()));
            return new SaveResult.Invalid<>(current, checked.errors());
        }
        Map<String, ReadUpload> uploads = read(checked.uploads()); // before the transaction: parsing takes time
        SaveResult<Submission> result = tx.execute(status -> {
            if (!store.nextVersion(id, expectedVersion)) {
                return null; // someone saved in between: a conflict, told below outside this transaction
            }
            Map<String, Object> values = new LinkedHashMap<>(checked.values());
            List<FieldError> refused = storeUploads(current, uploads, values);
            if (!refused.isEmpty()) {
                status.setRollbackOnly();
                return new SaveResult.Invalid<>(current, refused);
            }
            // a file kept from a refused save is the submission's now
            values.values().stream().filter(DocumentRef.class::isInstance).map(DocumentRef.class::cast)
                    .forEach(d -> this.documents.transfer(d.documentId(), DOCUMENT_OWNER, String.valueOf(id)));
            store.replaceAnswers(id, form, values);
            if (mode == FormValidator.Mode.SUBMIT) {
                store.markSubmitted(id);
                return new SaveResult.Submitted<>(store.find(id).orElseThrow());
            }
            return new SaveResult.Saved<>(store.find(id).orElseThrow());
        });
        return result != null ? result : conflict(store.find(id).orElseThrow(), form, input);
    }

    /** The files of the upload fields: stored with the answers, or kept from a refused save (which wins). */
    public Map<String, DocumentRef> documents(Submission s) {
        return documents(s, store.answers(s.id(), form(s)));
    }

    private Map<String, DocumentRef> documents(Submission s, Map<String, Object> stored) {
        Map<String, DocumentRef> docs = new LinkedHashMap<>(documentsOf(stored));
        for (FormComponent field : form(s).fields()) {
            if (field.kind() == FieldKind.UPLOAD) {
                List<StoredDocument> kept = documents.findByOwner(PENDING_OWNER, pendingId(s, field.key()));
                if (!kept.isEmpty()) {
                    var last = kept.get(kept.size() - 1);
                    docs.put(field.key(), new DocumentRef(last.id(), last.filename()));
                }
            }
        }
        return docs;
    }

    /** Forgets the file kept from a refused save for this field (the person chose "remove"). */
    public void dropKept(Submission s, String key) {
        documents.findByOwner(PENDING_OWNER, pendingId(s, key)).forEach(d -> documents.delete(d.id()));
    }

    /** Keeps the readable files of a save that was refused, replacing any kept before for the same field. */
    private void keep(Submission s, Map<String, ReadUpload> uploads) {
        uploads.forEach((key, upload) -> {
            if (upload.refused().isEmpty()) {
                tx.executeWithoutResult(status -> {
                    dropKept(s, key);
                    documents.store(s.networkId(), PENDING_OWNER, pendingId(s, key), upload);
                });
            }
        });
    }

    private static String pendingId(Submission s, String key) {
        return s.id() + ":" + key;
    }

    private Map<String, ReadUpload> read(Map<String, FormInput.Upload> uploads) {
        Map<String, ReadUpload> read = new LinkedHashMap<>();
        uploads.forEach((key, upload) -> {
            try (InputStream in = upload.content().getInputStream()) {
                read.put(key, documents.read(upload.filename(), in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return read;
    }

    private List<FieldError> storeUploads(Submission s, Map<String, ReadUpload> uploads, Map<String, Object> values) {
        List<FieldError> refused = new ArrayList<>();
        uploads.forEach((key, upload) -> {
            UploadResult result = documents.store(s.networkId(), DOCUMENT_OWNER, String.valueOf(s.id()), upload);
            if (result instanceof UploadResult.Stored stored) {
                values.put(key, new DocumentRef(stored.document().id(), stored.document().filename()));
            } else if (result instanceof UploadResult.Refused no) {
                refused.add(new FieldError(key, no.messageKey(), no.args()));
            }
        });
        return refused;
    }

    private SaveResult<Submission> conflict(Submission current, FormDefinition form, FormInput input) {
        if (current.isLocked()) {
            return new SaveResult.Closed<>(current);
        }
        Map<String, Object> stored = store.answers(current.id(), form);
        Map<String, Object> mine = FormValidator.lenientValues(form, input, Map.of());
        List<String> differing = new ArrayList<>();
        for (FormComponent field : form.fields()) {
            if (field.isAnswerable() && field.kind() != FieldKind.UPLOAD
                    && !Objects.equals(comparable(mine.get(field.key())), comparable(stored.get(field.key())))) {
                differing.add(field.key());
            }
        }
        return new SaveResult.Conflict<>(current, stored, differing);
    }

    /** Values as text for comparing what a person typed with what is stored (null, false and empty alike). */
    private static Object comparable(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || (value instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        if (value instanceof List<?> many) {
            return many.stream().map(String::valueOf).sorted().toList();
        }
        if (value instanceof BigDecimal n) {
            return SubmissionStore.plain(n).toPlainString();
        }
        return value.toString().strip();
    }

    private static Map<String, DocumentRef> documentsOf(Map<String, Object> answers) {
        Map<String, DocumentRef> docs = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (v instanceof DocumentRef d) {
                docs.put(k, d);
            }
        });
        return docs;
    }
}
