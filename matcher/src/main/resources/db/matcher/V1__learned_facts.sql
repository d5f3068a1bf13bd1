-- Facts the matcher learned from its own developments, so a story alerts once however many outlets carry it.
create table matcher_fact (
  id               varchar(64)  not null primary key,
  claim_key        varchar(400) not null,
  subject          varchar(100) not null,
  event            varchar(100) not null,
  counterparty     varchar(100) not null,
  treaty           varchar(100),
  low              bigint,
  high             bigint,
  unit             varchar(40),
  qualifier        varchar(20),
  as_of            varchar(10),
  development_id   varchar(64)  not null,
  first_article_id varchar(64)  not null,
  source           varchar(2000) not null,
  created_at       timestamp    not null
);
create index matcher_fact_key on matcher_fact (claim_key);
create index matcher_fact_treaty on matcher_fact (treaty);

-- Every later article that repeated a learned fact.
create table matcher_corroboration (
  fact_id     varchar(64)   not null,
  article_id  varchar(64)   not null,
  source_id   varchar(200)  not null,
  url         varchar(2000) not null,
  seen_at     timestamp     not null,
  primary key (fact_id, article_id)
);
