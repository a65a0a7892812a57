with claimable as (
    select pa.org_id, pa.partner_code
    from partner_accounts pa
    where pa.enabled
      and pa.attention is null
      and pa.partner_code = any (string_to_array(:#${header.feedPartners}, ','))
      and (pa.claimed_until is null or pa.claimed_until < now() or pa.claimed_by = :#${header.instanceId})
      and (cast(:#${header.onlyOrg} as bigint) is null or pa.org_id = cast(:#${header.onlyOrg} as bigint))
      and (cast(:#${header.onlyPartner} as text) is null or pa.partner_code = cast(:#${header.onlyPartner} as text))
    for update skip locked
), claimed as (
    update partner_accounts pa
       set claimed_by = :#${header.instanceId},
           claimed_until = now() + make_interval(secs => cast(:#${header.claimLeaseSeconds} as int))
      from claimable c
     where pa.org_id = c.org_id and pa.partner_code = c.partner_code
    returning pa.org_id, pa.partner_code, pa.account_id, pa.username, pa.secret, pa.protocol
)
select c.org_id, c.partner_code, c.account_id, c.username, c.secret, c.protocol,
       o.name as org_name, o.homepage_url, o.animal_page_url_template, o.website_service,
       o.description_links_enabled
from claimed c
join organizations o on o.id = c.org_id
order by c.org_id, c.partner_code
