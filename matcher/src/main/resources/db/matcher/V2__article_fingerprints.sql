-- MinHash signature of every matched article, and its locality-sensitive bands, so near-duplicates
-- (syndicated copies, small edits) are found by an indexed lookup on any shared band.
create table matcher_article (
  article_id varchar(64)   not null primary key,
  source_id  varchar(200)  not null,
  signature  varchar(1100) not null,
  origin     varchar(64)   not null,
  seen_at    timestamp     not null
);

create table matcher_article_band (
  band_key   bigint      not null,
  article_id varchar(64) not null,
  primary key (band_key, article_id)
);

alter table matcher_corroboration add column origin varchar(64);
alter table matcher_corroboration add column development_id varchar(64);
