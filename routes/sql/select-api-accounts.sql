select pa.org_id, pa.partner_code, pa.account_id, pa.secret, pa.status,
       o.name as org_name, o.email as org_email, o.phone as org_phone, o.city as org_city,
       o.state as org_state, o.postal_code as org_postal_code, o.country as org_country
from partner_accounts pa
join organizations o on o.id = pa.org_id
where pa.enabled
  and pa.claimed_by = :#${header.instanceId}
  and pa.partner_code = any (string_to_array(:#${header.apiPartners}, ','))
  and (pa.status = 'new'
       or (pa.status = 'requested' and cast(:#${header.fullSync} as boolean)))
order by pa.org_id, pa.partner_code
