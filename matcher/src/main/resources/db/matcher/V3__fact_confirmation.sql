-- What an official confirmation confirms, and whether a learned figure was officially confirmed.
alter table matcher_fact add column confirms varchar(100);
alter table matcher_fact add column status varchar(40);
