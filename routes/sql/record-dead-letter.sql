insert into dead_letters (kind, partner_code, org_id, animal_id, route, reason, payload)
values (:#${exchangeProperty.deadLetterKind}, :#${exchangeProperty.partnerCode}, :#${exchangeProperty.orgId},
        cast(:#${exchangeProperty.animalId} as bigint), :#${exchangeProperty.CamelFailureRouteId},
        :#${header.failureMessage}, cast(:#${header.deadLetterPayload} as text))
on conflict (kind, partner_code, org_id, coalesce(animal_id, 0)) where status = 'open' do update
    set attempts = dead_letters.attempts + 1, last_attempt_at = now(), reason = excluded.reason,
        route = excluded.route, payload = coalesce(excluded.payload, dead_letters.payload)
