-- What ingest has already published, so each article goes out once, across restarts and instances.
-- Portable between H2 and PostgreSQL.

-- One row per article id (Ids.of the canonical URL), whichever source published it first.
create table ingest_seen (
  article_id    varchar(64)              not null primary key,
  source_id     varchar(200)             not null,
  url           varchar                  not null,
  first_seen_at timestamp with time zone not null
);

-- One row per item a source listed (guid, else link), so an item is not fetched again for its full text.
-- item_key is Ids.of(source_id, guid or link).
create table ingest_seen_item (
  item_key      varchar(64)              not null primary key,
  source_id     varchar(200)             not null,
  guid          varchar                  not null,
  article_id    varchar(64)              not null,
  first_seen_at timestamp with time zone not null
);
