-- The service's own tables: what was sent to whom, and a record of every export run.

-- One row per animal and partner: what the partner has, as far as we know.
-- state: listed (partner has it) | withdrawn (removed from the partner) | rejected (could not be mapped)
-- org_id is kept here, not only on animals, so a deleted animal's listing can still be withdrawn.
create table animal_export_state (
    animal_id       bigint not null,
    partner_code    text not null,
    org_id          bigint not null,
    state           text not null check (state in ('listed', 'withdrawn', 'rejected')),
    payload_hash    text,
    payload         text,
    partner_ref     text,
    last_sent_at    timestamptz,
    last_error      text,
    last_error_at   timestamptz,
    updated_at      timestamptz not null default now(),
    primary key (animal_id, partner_code)
);
create index animal_export_state_org_idx on animal_export_state (org_id, partner_code, state);

-- One row per organisation and FTP partner: the last feed the partner acknowledged.
create table feed_uploads (
    org_id          bigint not null,
    partner_code    text not null,
    content_hash    text not null,
    bytes           bigint not null,
    animal_count    int not null,
    uploaded_at     timestamptz not null,
    primary key (org_id, partner_code)
);

-- Every export run of one organisation at one partner.
-- outcome: delivered | unchanged | failed | skipped
create table export_runs (
    id              bigserial primary key,
    cycle_id        text not null,
    org_id          bigint not null,
    partner_code    text not null,
    started_at      timestamptz not null,
    finished_at     timestamptz not null default now(),
    listed          int not null default 0,
    removed         int not null default 0,
    rejected        int not null default 0,
    bytes           bigint not null default 0,
    outcome         text not null,
    message         text
);
create index export_runs_org_partner_idx on export_runs (org_id, partner_code, started_at desc);
