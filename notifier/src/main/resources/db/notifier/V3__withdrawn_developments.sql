-- Developments an analyst judged wrong: they leave every digest not yet sent, and are not queued again.
create table notifier_withdrawn (
  development_id varchar(64)              primary key,
  withdrawn_at   timestamp with time zone not null
);
