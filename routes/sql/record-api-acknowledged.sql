with resolved as (
    update dead_letters set status = 'resolved', resolved_at = now(),
           resolution = 'partner acknowledged ' || :#${exchangeProperty.apiRequest}
     where kind = 'animal' and status = 'open' and animal_id = :#${exchangeProperty.animalId}
       and partner_code = :#${exchangeProperty.partnerCode}
    returning id
)
insert into animal_export_state (animal_id, partner_code, org_id, state, payload_hash, payload, partner_ref,
                                 last_sent_at, last_error, last_error_at, updated_at)
values (:#${exchangeProperty.animalId}, :#${exchangeProperty.partnerCode}, :#${exchangeProperty.orgId},
        :#${exchangeProperty.newState}, cast(:#${exchangeProperty.payloadHash} as text),
        cast(:#${exchangeProperty.payload} as text), cast(:#${exchangeProperty.partnerRef} as text), now(),
        null, null, now())
on conflict (animal_id, partner_code) do update
    set state = excluded.state, payload_hash = excluded.payload_hash, payload = excluded.payload,
        partner_ref = coalesce(excluded.partner_ref, animal_export_state.partner_ref),
        last_sent_at = excluded.last_sent_at, last_error = null, last_error_at = null, updated_at = now()
