package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.animalexports.animal.MappingException;
import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.PartnerRegistry;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Account requests at API partners (SPEC 3.3): an enabled account with no account_id is requested on the
 * organisation's behalf; a requested one is asked for its status on later cycles. The partner's answer
 * ({@code {"account_id": ..., "status": pending | active | rejected}}) is mapped to our account status.
 */
public class ApiAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccounts.class);

    private final PartnerRegistry partners;
    private final ApiRequestBuilder requests;
    private final java.util.function.Function<String, java.util.Optional<String>> properties;

    /** @param properties looks up partners.<code>.service-token, the token account requests use when the account has none */
    public ApiAccounts(PartnerRegistry partners, ApiRequestBuilder requests,
                       java.util.function.Function<String, java.util.Optional<String>> properties) {
        this.partners = partners;
        this.requests = requests;
        this.properties = properties;
    }

    /** Body: the account row. Sets header accountAction = request | status | none and the request properties. */
    @SuppressWarnings("unchecked")
    public void plan(Exchange exchange) throws MappingException {
        Map<String, Object> account = exchange.getMessage().getBody(Map.class);
        PartnerConfig partner = partners.get((String) account.get("partner_code"));
        exchange.setProperty("account", account);
        exchange.setProperty("orgId", ((Number) account.get("org_id")).longValue());
        exchange.setProperty("partnerCode", partner.code());
        exchange.setProperty("animalId", null);
        exchange.setProperty("deadLetterKind", "account");
        PartnerConfig.Accounts accounts = partner.api().accounts();
        if (accounts == null) {
            exchange.getMessage().setHeader("accountAction", "none");
            return;
        }
        Map<String, Object> values = new HashMap<>(ApiValues.forAccount(account));
        if (values.get("secret") == null) {
            values.put("secret", properties.apply("partners." + partner.code() + ".service-token").orElse(null));
        }
        boolean request = account.get("account_id") == null;
        requests.prepare(exchange, partner, request ? accounts.request() : accounts.status(), values, null, null);
        exchange.getMessage().setHeader("accountAction", request ? "request" : "status");
    }

    /** Reads the partner's answer into headers newAccountId and newAccountStatus for the update. */
    @SuppressWarnings("unchecked")
    public void answer(Exchange exchange) {
        Map<String, Object> account = exchange.getProperty("account", Map.class);
        PartnerConfig partner = partners.get((String) account.get("partner_code"));
        PartnerConfig.Accounts accounts = partner.api().accounts();
        if (exchange.getProperty("apiPreview", false, Boolean.class)) {
            LOG.info("Preview: the {} account request of organisation {} was written, not sent", partner.code(),
                    account.get("org_id"));
            exchange.getMessage().setHeader("newAccountId", account.get("account_id"));
            exchange.getMessage().setHeader("newAccountStatus", "requested");
            return;
        }
        JsonNode answer = exchange.getProperty("apiAnswer", JsonNode.class);
        String id = answer == null ? null : text(answer.at(accounts.idPointer()));
        String theirStatus = answer == null ? null : text(answer.at(accounts.statusPointer()));
        String status = theirStatus == null || accounts.statuses() == null ? null : accounts.statuses().get(theirStatus);
        if (status == null) {
            status = "requested";
            LOG.warn("{} answered the account request of organisation {} with status '{}'; asking again on a later cycle",
                    partner.code(), account.get("org_id"), theirStatus);
        }
        if ("rejected".equals(status)) {
            LOG.warn("{} rejected the account of organisation {}: nothing will be exported there", partner.code(),
                    account.get("org_id"));
        } else {
            LOG.info("{} account of organisation {}: {} ({})", partner.code(), account.get("org_id"), status,
                    id == null ? account.get("account_id") : id);
        }
        exchange.getMessage().setHeader("newAccountId", id != null ? id : account.get("account_id"));
        exchange.getMessage().setHeader("newAccountStatus", status);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
