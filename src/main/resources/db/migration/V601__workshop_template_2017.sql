-- A template from Sund By Netværket's own strategy workshop in 2017 (koordinatordage): three group-work
-- assignments with their work questions, to copy into a new workshop session.
INSERT INTO workshop (network_id, title, starts_on, ends_on, place, template, created_at)
VALUES ('sund-by', 'Skabelon: Strategiworkshop 2017', '2017-11-14', '2017-11-15', NULL, TRUE, '2017-11-01 00:00:00');
SET @workshop = LAST_INSERT_ID();

INSERT INTO workshop_session (workshop_id, title, status)
VALUES (@workshop, 'Gruppearbejde om strategien 2017-2020', 'DRAFT');
SET @session = LAST_INSERT_ID();

INSERT INTO workshop_assignment (session_id, position, title, intro) VALUES (@session, 1,
  'Opgave 1: Strategien',
  'Strategien for 2017-2020 har en mission, en vision og fire indsatsområder: Styrket faglighed, Sundhed i alle politikker, Lighed i sundhed og Strukturel forebyggelse. Drøft i gruppen, hvordan strategien virker.');
SET @a1 = LAST_INSERT_ID();
INSERT INTO workshop_question (assignment_id, position, label, kind) VALUES
  (@a1, 1, 'Signalerer strategien netværket på den rigtige måde over for medlemmerne og over for samarbejdspartnerne?', 'LONG_TEXT'),
  (@a1, 2, 'Hvad fungerer godt i mission, vision og de fire indsatsområder?', 'LONG_TEXT'),
  (@a1, 3, 'Mangler der noget?', 'LONG_TEXT');

INSERT INTO workshop_assignment (session_id, position, title, intro) VALUES (@session, 2,
  'Opgave 2: Fra strategi til handling',
  'Strategien har tre niveauer. Niveau 1 er mission, vision og indsatsområder. Niveau 2 er, hvordan vi vil arbejde. Niveau 3 er, hvad vi konkret vil gøre.');
SET @a2 = LAST_INSERT_ID();
INSERT INTO workshop_question (assignment_id, position, label, kind) VALUES
  (@a2, 1, 'Giv eksempler på niveau 2: Hvordan vil vi arbejde?', 'LONG_TEXT'),
  (@a2, 2, 'Giv eksempler på niveau 3: Hvad vil vi konkret gøre?', 'LONG_TEXT');

INSERT INTO workshop_assignment (session_id, position, title, intro) VALUES (@session, 3,
  'Opgave 3: Temagrupperne',
  'Netværkets temagrupper samler medarbejdere fra kommunerne om et fælles emne. Del jeres erfaringer, og kom med forslag.');
SET @a3 = LAST_INSERT_ID();
INSERT INTO workshop_question (assignment_id, position, label, kind) VALUES
  (@a3, 1, 'Hvilke erfaringer har I med temagrupperne?', 'LONG_TEXT'),
  (@a3, 2, 'Kom med 2-3 forslag til, hvordan temagrupperne kan få bedre effekt.', 'LONG_TEXT'),
  (@a3, 3, 'Hvordan kan vi dele viden på tværs af temagrupperne?', 'LONG_TEXT');

INSERT INTO workshop_group (session_id, position, name) VALUES
  (@session, 1, 'Gruppe 1'), (@session, 2, 'Gruppe 2'), (@session, 3, 'Gruppe 3');
