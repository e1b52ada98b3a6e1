-- Strategies for the Swedish and Norwegian networks, so their applications and evaluations have goals from day one.
-- A starting point in each network's words; the secretariat edits them on the strategy pages.
INSERT INTO strategy (network_id, name, first_year, last_year, description)
SELECT 'hc-sverige', 'Healthy Cities Sveriges inriktning', 2019, 2030,
       'Nätverkets tre kärnområden: jämlik hälsa, hållbar utveckling och samverkan för hälsa i alla politikområden.'
WHERE EXISTS (SELECT 1 FROM network WHERE id = 'hc-sverige')
  AND NOT EXISTS (SELECT 1 FROM strategy WHERE network_id = 'hc-sverige');

INSERT INTO strategic_goal (strategy_id, position, title, description)
SELECT s.id, g.position, g.title, g.description
FROM strategy s
JOIN (SELECT 1 AS position, 'Jämlik hälsa' AS title,
             'Minska skillnaderna i hälsa mellan grupper och områden genom insatser i hela befolkningen.' AS description
      UNION ALL SELECT 2, 'Hållbar utveckling',
             'Hälsa som en del av social, ekologisk och ekonomisk hållbarhet, i linje med Agenda 2030.'
      UNION ALL SELECT 3, 'Hälsa i alla politikområden',
             'Samverkan mellan förvaltningar, politik, forskning och civilsamhälle för en hälsofrämjande samhällsplanering.') g
WHERE s.network_id = 'hc-sverige'
  AND NOT EXISTS (SELECT 1 FROM strategic_goal x WHERE x.strategy_id = s.id);

-- Sunne kommuner follows WHO's Copenhagen Consensus: the six Ps are its strategic goals.
INSERT INTO strategy (network_id, name, first_year, last_year, description)
SELECT 'sunne-kommuner', 'Sunne kommuner – WHOs seks P-er', 2019, 2030,
       'Nettverkets mål er WHOs seks P-er fra København-konsensus: mennesker, steder, deltakelse, velstand, fred og planeten.'
WHERE EXISTS (SELECT 1 FROM network WHERE id = 'sunne-kommuner')
  AND NOT EXISTS (SELECT 1 FROM strategy WHERE network_id = 'sunne-kommuner');

INSERT INTO strategic_goal (strategy_id, position, title, description)
SELECT s.id, g.position, g.title, g.description
FROM strategy s
JOIN (SELECT 1 AS position, 'Mennesker' AS title, 'Investere i menneskene som utgjør byene og kommunene.' AS description
      UNION ALL SELECT 2, 'Steder', 'Utforme byrom og nærmiljø som fremmer helse og trivsel.'
      UNION ALL SELECT 3, 'Deltakelse', 'Sikre at alle kan delta og bli hørt.'
      UNION ALL SELECT 4, 'Velstand', 'Bedre felles velstand og tilgang til felles goder og tjenester.'
      UNION ALL SELECT 5, 'Fred', 'Fremme fred og trygghet gjennom inkluderende samfunn.'
      UNION ALL SELECT 6, 'Planeten', 'Beskytte planeten mot nedbrytning, også gjennom bærekraftig forbruk og produksjon.') g
WHERE s.network_id = 'sunne-kommuner'
  AND NOT EXISTS (SELECT 1 FROM strategic_goal x WHERE x.strategy_id = s.id);
