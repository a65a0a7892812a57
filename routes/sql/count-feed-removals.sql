select count(*) as listed_now,
       count(*) filter (where st.animal_id <> all (cast(:#${header.listedIds} as bigint[])))
           as would_remove,
       (select h.status from held_feeds h
         where h.org_id = :#${header.orgId} and h.partner_code = :#${header.partnerCode}
           and h.content_hash = :#${header.feedHash}
         order by h.id desc limit 1) as hold_status
from animal_export_state st
where st.org_id = :#${header.orgId}
  and st.partner_code = :#${header.partnerCode}
  and st.state = 'listed'
