with claimable as (
    select pa.org_id, pa.partner_code
    from partner_accounts pa
    where pa.partner_code = any (string_to_array(:#${header.apiPartners}, ','))
      and (pa.claimed_until is null or pa.claimed_until < now() or pa.claimed_by = :#${header.instanceId})
      and (cast(:#${header.onlyOrg} as bigint) is null or pa.org_id = cast(:#${header.onlyOrg} as bigint))
      and (cast(:#${header.onlyPartner} as text) is null or pa.partner_code = cast(:#${header.onlyPartner} as text))
      and (cast(:#${header.fullSync} as boolean) or pa.org_id in (
              select a.org_id from animals a where a.updated_at > cast(:#${header.since} as timestamptz)
              union select o.id from organizations o where o.updated_at > cast(:#${header.since} as timestamptz)
              union select p.org_id from partner_accounts p where p.updated_at > cast(:#${header.since} as timestamptz)
              union select d.org_id from animal_deletions d where d.deleted_at > cast(:#${header.since} as timestamptz)))
    for update skip locked
)
update partner_accounts pa
   set claimed_by = :#${header.instanceId},
       claimed_until = now() + make_interval(secs => cast(:#${header.claimLeaseSeconds} as int))
  from claimable c
 where pa.org_id = c.org_id and pa.partner_code = c.partner_code
