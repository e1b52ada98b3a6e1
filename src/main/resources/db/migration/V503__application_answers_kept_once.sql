-- An application's answers are kept once, in membership_application (and its theme groups): the copy per field
-- in the forms engine's rows goes (its answers and private links go with it, ON DELETE CASCADE).
DELETE FROM form_submission
 WHERE form_id = 'membership-application' AND subject_type = 'membership-application';
