-- Seed data: the three networks, Sund By Netværket's strategies, the SDGs and WHO's 6 Ps.
INSERT INTO network (id, name, language, country, currency, secretariat_name, website) VALUES
  ('sund-by', 'Sund By Netværket', 'da', 'DK', 'DKK', 'Sund By Netværkets sekretariat', NULL),
  ('hc-sverige', 'Healthy Cities Sverige', 'sv', 'SE', 'SEK', 'Healthy Cities Sveriges kansli', NULL),
  ('sunne-kommuner', 'Sunne kommuner', 'nb', 'NO', 'NOK', 'Sekretariatet for Sunne kommuner', NULL);

INSERT INTO strategy (id, network_id, name, first_year, last_year, description) VALUES
  (1, 'sund-by', 'Strategi 2021-2030', 2021, 2030, 'Sund By Netværkets strategi med fire pejlemærker. Pejlemærkerne følges op af rullende handleplaner med konkrete aktivitetsmål.'),
  (2, 'sund-by', 'Strategi 2017-2020', 2017, 2020, 'Sund By Netværkets strategi med fire indsatsområder.');

INSERT INTO strategic_goal (strategy_id, position, title) VALUES
  (1, 1, 'Et fagligt stærkt fællesskab med en bærende netværkskultur'),
  (1, 2, 'Stigende ulighed i sundhed kræver handling'),
  (1, 3, 'Styrket sammenhæng mellem praksis, forskning og politikudvikling'),
  (1, 4, 'Verdensmålene samler os'),
  (2, 1, 'Styrket faglighed'),
  (2, 2, 'Sundhed i alle politikker'),
  (2, 3, 'Lighed i sundhed'),
  (2, 4, 'Strukturel forebyggelse');

INSERT INTO tag (tag_set, code, position, name_da, name_en, name_sv, name_nb) VALUES
  ('SDG', 'SDG1', 1, 'Afskaf fattigdom', 'No poverty', 'Ingen fattigdom', 'Utrydde fattigdom'),
  ('SDG', 'SDG2', 2, 'Stop sult', 'Zero hunger', 'Ingen hunger', 'Utrydde sult'),
  ('SDG', 'SDG3', 3, 'Sundhed og trivsel', 'Good health and well-being', 'God hälsa och välbefinnande', 'God helse og livskvalitet'),
  ('SDG', 'SDG4', 4, 'Kvalitetsuddannelse', 'Quality education', 'God utbildning för alla', 'God utdanning'),
  ('SDG', 'SDG5', 5, 'Ligestilling mellem kønnene', 'Gender equality', 'Jämställdhet', 'Likestilling mellom kjønnene'),
  ('SDG', 'SDG6', 6, 'Rent vand og sanitet', 'Clean water and sanitation', 'Rent vatten och sanitet för alla', 'Rent vann og gode sanitærforhold'),
  ('SDG', 'SDG7', 7, 'Bæredygtig energi', 'Affordable and clean energy', 'Hållbar energi för alla', 'Ren energi for alle'),
  ('SDG', 'SDG8', 8, 'Anstændige jobs og økonomisk vækst', 'Decent work and economic growth', 'Anständiga arbetsvillkor och ekonomisk tillväxt', 'Anstendig arbeid og økonomisk vekst'),
  ('SDG', 'SDG9', 9, 'Industri, innovation og infrastruktur', 'Industry, innovation and infrastructure', 'Hållbar industri, innovationer och infrastruktur', 'Industri, innovasjon og infrastruktur'),
  ('SDG', 'SDG10', 10, 'Mindre ulighed', 'Reduced inequalities', 'Minskad ojämlikhet', 'Mindre ulikhet'),
  ('SDG', 'SDG11', 11, 'Bæredygtige byer og lokalsamfund', 'Sustainable cities and communities', 'Hållbara städer och samhällen', 'Bærekraftige byer og lokalsamfunn'),
  ('SDG', 'SDG12', 12, 'Ansvarligt forbrug og produktion', 'Responsible consumption and production', 'Hållbar konsumtion och produktion', 'Ansvarlig forbruk og produksjon'),
  ('SDG', 'SDG13', 13, 'Klimaindsats', 'Climate action', 'Bekämpa klimatförändringarna', 'Stoppe klimaendringene'),
  ('SDG', 'SDG14', 14, 'Livet i havet', 'Life below water', 'Hav och marina resurser', 'Livet i havet'),
  ('SDG', 'SDG15', 15, 'Livet på land', 'Life on land', 'Ekosystem och biologisk mångfald', 'Livet på land'),
  ('SDG', 'SDG16', 16, 'Fred, retfærdighed og stærke institutioner', 'Peace, justice and strong institutions', 'Fredliga och inkluderande samhällen', 'Fred, rettferdighet og velfungerende institusjoner'),
  ('SDG', 'SDG17', 17, 'Partnerskaber for handling', 'Partnerships for the goals', 'Genomförande och globalt partnerskap', 'Samarbeid for å nå målene'),
  ('SIX_P', 'PEOPLE', 1, 'Mennesker', 'People', 'Människor', 'Mennesker'),
  ('SIX_P', 'PLACES', 2, 'Steder', 'Places', 'Platser', 'Steder'),
  ('SIX_P', 'PARTICIPATION', 3, 'Deltagelse', 'Participation', 'Delaktighet', 'Deltakelse'),
  ('SIX_P', 'PROSPERITY', 4, 'Velstand', 'Prosperity', 'Välstånd', 'Velstand'),
  ('SIX_P', 'PEACE', 5, 'Fred', 'Peace', 'Fred', 'Fred'),
  ('SIX_P', 'PLANET', 6, 'Planeten', 'Planet', 'Planeten', 'Planeten');

-- Example theme groups so that a trial has something to choose; the secretariat edits them.
INSERT INTO theme_group (network_id, name, description) VALUES
  ('sund-by', 'Lighed i sundhed', 'Eksempel: ret eller erstat'),
  ('sund-by', 'Mental sundhed', 'Eksempel: ret eller erstat'),
  ('sund-by', 'Børn og unge', 'Eksempel: ret eller erstat'),
  ('sund-by', 'Sund aldring', 'Eksempel: ret eller erstat'),
  ('sund-by', 'Verdensmål og bæredygtighed', 'Eksempel: ret eller erstat'),
  ('hc-sverige', 'Jämlik hälsa', 'Exempel: ändra eller ersätt'),
  ('hc-sverige', 'Barn och unga', 'Exempel: ändra eller ersätt'),
  ('sunne-kommuner', 'Folkehelse og likeverd', 'Eksempel: endre eller erstatt'),
  ('sunne-kommuner', 'Barn og unge', 'Eksempel: endre eller erstatt');
