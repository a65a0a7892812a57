-- Reliability: what finally failed (dead letters), feeds held by the mass-removal guard, accounts that need an
-- operator, and the claims that keep several instances from exporting the same thing at once.

-- Everything that finally failed, until it is delivered or replayed. One open row per target:
-- kind feed = one organisation's feed at an FTP partner; animal = one animal at one partner;
-- account = an API account request. payload never holds credentials.
create table dead_letters (
    id                  bigserial primary key,
    kind                text not null check (kind in ('feed', 'animal', 'account')),
    partner_code        text not null,
    org_id              bigint not null,
    animal_id           bigint,
    route               text not null,
    reason              text not null,
    payload             text,
    attempts            int not null default 1,
    first_attempt_at    timestamptz not null default now(),
    last_attempt_at     timestamptz not null default now(),
    status              text not null default 'open' check (status in ('open', 'resolved')),
    resolved_at         timestamptz,
    resolution          text
);
create unique index dead_letters_open_target_idx
    on dead_letters (kind, partner_code, org_id, coalesce(animal_id, 0)) where status = 'open';

-- Feeds the mass-removal guard did not upload. held: waiting for an operator or for the data to recover;
-- released: an operator allowed exactly this feed (content_hash); recovered: a later feed was safe again.
create table held_feeds (
    id              bigserial primary key,
    org_id          bigint not null,
    partner_code    text not null,
    content_hash    text not null,
    listed_before   int not null,
    would_remove    int not null,
    would_list      int not null,
    held_at         timestamptz not null default now(),
    last_seen_at    timestamptz not null default now(),
    status          text not null default 'held' check (status in ('held', 'released', 'recovered')),
    released_at     timestamptz,
    released_by     text
);
create unique index held_feeds_held_idx on held_feeds (org_id, partner_code) where status = 'held';

alter table partner_accounts add column attention text;
alter table partner_accounts add column attention_since timestamptz;
alter table partner_accounts add column claimed_by text;
alter table partner_accounts add column claimed_until timestamptz;
-- An account may use another transport than its partner's default (ftps or sftp instead of ftp).
alter table partner_accounts add column protocol text check (protocol in ('ftp', 'ftps', 'sftp'));

-- New credentials are the operator's answer to a refused login: the account is tried again.
create function clear_attention_on_new_credentials() returns trigger language plpgsql as $$
begin
    if new.username is distinct from old.username or new.secret is distinct from old.secret
            or new.protocol is distinct from old.protocol then
        new.attention := null;
        new.attention_since := null;
    end if;
    return new;
end $$;

create trigger partner_accounts_clear_attention before update on partner_accounts
    for each row execute function clear_attention_on_new_credentials();

-- The claims columns change on every cycle; they must not count as a settings change for the change poll,
-- so the account's timestamp moves only when one of its settings changes.
drop trigger partner_accounts_touch on partner_accounts;
create trigger partner_accounts_touch before update on partner_accounts
    for each row when ((old.org_id, old.partner_code, old.enabled, old.account_id, old.username, old.secret,
                        old.status, old.protocol)
                       is distinct from
                       (new.org_id, new.partner_code, new.enabled, new.account_id, new.username, new.secret,
                        new.status, new.protocol))
    execute function touch_updated_at();
