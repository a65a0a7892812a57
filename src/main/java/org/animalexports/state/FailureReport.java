package org.animalexports.state;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.util.Map;

/**
 * Describes why an export failed, for the run record and the log, with the account's credentials taken out:
 * a failed export's message must never carry an FTP password or an API token.
 */
public class FailureReport {

    @SuppressWarnings("unchecked")
    public String describe(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t instanceof HttpOperationFailedException http && http.getResponseBody() != null) {
                String answer = http.getResponseBody().replaceAll("\\s+", " ").trim();
                text.append(" - partner answered: ").append(answer, 0, Math.min(answer.length(), 500));
            }
        }
        String message = text.isEmpty() ? "unknown failure" : text.toString();
        Map<String, Object> account = exchange.getProperty("account", Map.class);
        if (account != null) {
            message = mask(message, account.get("secret"));
        }
        return message.replaceAll("(?i)(password|secret|token)=[^&\\s,)]*", "$1=xxxxxx");
    }

    /** The feed as it was to be sent, file by file, for the dead letter; null when it was not built yet. */
    @SuppressWarnings("unchecked")
    public String feedPayload(Exchange exchange) {
        java.util.List<org.animalexports.feed.FeedFile> files = exchange.getProperty("feedFiles", java.util.List.class);
        if (files == null) {
            return null;
        }
        StringBuilder payload = new StringBuilder();
        for (org.animalexports.feed.FeedFile file : files) {
            payload.append("== ").append(file.path()).append(" ==\n")
                    .append(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        Map<String, Object> account = exchange.getProperty("account", Map.class);
        return account == null ? payload.toString() : mask(payload.toString(), account.get("secret"));
    }

    private static String mask(String message, Object secret) {
        if (secret == null || secret.toString().length() < 3) {
            return message;
        }
        return message.replace(secret.toString(), "xxxxxx");
    }
}
