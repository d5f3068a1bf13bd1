-- The notifier's durable state. Portable between H2 2.x and PostgreSQL.

-- One row per (subscriber, development): pending while digest_id is null, sent once it names a digest.
create table notifier_queue (
  subscriber     varchar(320)             not null,
  development_id varchar(64)              not null,
  payload        varchar                  not null,  -- the Development as JSON (org.vedetta.model.Json)
  severity       integer                  not null,
  immediate      boolean                  not null,  -- also mailed at once, not only in the digest
  enqueued_at    timestamp with time zone not null,
  digest_id      varchar(64),
  primary key (subscriber, development_id)
);

create index notifier_queue_pending on notifier_queue (subscriber, digest_id);

-- Every mail that went out, written in the same transaction that marks its items sent.
create table notifier_digest (
  id          varchar(64)              primary key,  -- hash of the subscriber and the development ids
  subscriber  varchar(320)             not null,
  message_id  varchar(200)             not null,
  items       integer                  not null,
  immediate   boolean                  not null,
  sent_at     timestamp with time zone not null,
  outbox_path varchar(1000)                           -- the .eml file, or null when sent over SMTP
);

-- Subscribers whose last mail failed, and when to try again.
create table notifier_retry (
  subscriber      varchar(320)             primary key,
  digest          boolean                  not null,  -- a digest failed (else only an immediate alert)
  attempts        integer                  not null,
  next_attempt_at timestamp with time zone not null,
  last_error      varchar(1000)
);
