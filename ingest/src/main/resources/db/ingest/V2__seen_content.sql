-- The second identity of an item: the hash of its normalised title and text (ContentKey), per source, so a
-- feed that rewrites guids and links on every fetch does not publish the same story again. Per source, not
-- global: the same wire story carried by two outlets is evidence for the matcher and is published by each.
-- Portable between H2 and PostgreSQL.

-- content_key is Ids.of(source_id, ContentKey); article_id is the article first published with that content.
create table ingest_seen_content (
  content_key   varchar(64)              not null primary key,
  source_id     varchar(200)             not null,
  article_id    varchar(64)              not null,
  first_seen_at timestamp with time zone not null
);
