-- What a learned figure counts (total, increment, killed, ...), and whether the fact is a plan.
alter table matcher_fact add column role varchar(40);
alter table matcher_fact add column planned boolean default false not null;
