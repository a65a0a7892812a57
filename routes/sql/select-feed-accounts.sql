select pa.org_id, pa.partner_code, pa.account_id, pa.username, pa.secret,
       o.name as org_name, o.homepage_url, o.animal_page_url_template, o.website_service,
       o.description_links_enabled
from partner_accounts pa
join organizations o on o.id = pa.org_id
where pa.enabled
  and pa.partner_code = any (string_to_array(:#${header.feedPartners}, ','))
order by pa.org_id, pa.partner_code
