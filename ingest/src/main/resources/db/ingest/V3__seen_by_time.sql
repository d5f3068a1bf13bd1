-- The console counts the articles each source published over the last day.
create index ingest_seen_first_seen on ingest_seen (first_seen_at);
