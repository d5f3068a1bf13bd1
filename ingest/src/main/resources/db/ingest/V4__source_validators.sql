-- The conditional-GET validators of each source's last complete read, so the first poll after a restart
-- (or on another ingest node) costs a 304 when nothing changed.
create table ingest_validators (
  source_id     varchar(200)  not null primary key,
  url           varchar(2048) not null,
  etag          varchar(1024),
  last_modified varchar(200),
  updated_at    timestamp with time zone not null
);
