-- The feed's listings and rejections come as arrays in the same order (FeedBuilder): an animal's id, hash and rows.
with sent as (
    select * from unnest(cast(:#${header.listedIds} as bigint[]), cast(:#${header.listedHashes} as text[]),
                         cast(:#${header.listedRows} as text[])) as s(id, hash, row)
), refused as (
    select * from unnest(cast(:#${header.rejectedIds} as bigint[]), cast(:#${header.rejectedFields} as text[]),
                         cast(:#${header.rejectedMessages} as text[])) as r(id, field, message)
), listed as (
    insert into animal_export_state (animal_id, partner_code, org_id, state, payload_hash, payload, last_sent_at,
                                     last_error, last_error_at, updated_at)
    select id, :#${header.partnerCode}, :#${header.orgId}, 'listed', hash, row, now(), null, null, now() from sent
    on conflict (animal_id, partner_code) do update
        set state = 'listed', org_id = excluded.org_id, payload_hash = excluded.payload_hash,
            payload = excluded.payload, last_sent_at = excluded.last_sent_at, last_error = null,
            last_error_at = null, updated_at = now()
    returning animal_id
), rejected as (
    insert into animal_export_state (animal_id, partner_code, org_id, state, last_error, last_error_at, updated_at)
    select id, :#${header.partnerCode}, :#${header.orgId}, 'rejected', field || ': ' || message, now(), now() from refused
    on conflict (animal_id, partner_code) do update
        set state = 'rejected', org_id = excluded.org_id, last_error = excluded.last_error,
            last_error_at = excluded.last_error_at, updated_at = now()
    returning animal_id
), resolved as (
    update dead_letters d set status = 'resolved', resolved_at = now(), resolution = 'listed in the feed'
     where d.status = 'open' and d.partner_code = :#${header.partnerCode} and d.org_id = :#${header.orgId}
       and (d.kind = 'feed' or (d.kind = 'animal' and d.animal_id in (select id from sent)))
    returning d.id
), dead as (
    insert into dead_letters (kind, partner_code, org_id, animal_id, route, reason)
    select 'animal', :#${header.partnerCode}, :#${header.orgId}, id, 'ftp-feed', field || ': ' || message from refused
    on conflict (kind, partner_code, org_id, coalesce(animal_id, 0)) where status = 'open' do update
        set attempts = dead_letters.attempts + 1, last_attempt_at = now(), reason = excluded.reason
    returning id
)
update animal_export_state st
   set state = 'withdrawn', updated_at = now()
 where st.org_id = :#${header.orgId}
   and st.partner_code = :#${header.partnerCode}
   and st.state = 'listed'
   and st.animal_id not in (select id from sent)
   and st.animal_id not in (select id from refused)
