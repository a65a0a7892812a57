package org.animalexports.support;

/** How the stand-in API partners answer when a test scripts nothing else. */
public final class PartnerAnswers {

    private PartnerAnswers() {
    }

    public static HttpPeer.Response petrescue(HttpPeer.Request request) {
        if (request.path().equals("/accounts") && request.method().equals("POST")) {
            return HttpPeer.Response.json(201, "{\"account_id\": \"PR-NEW\", \"status\": \"active\"}");
        }
        if (request.path().startsWith("/accounts/")) {
            return HttpPeer.Response.json(200, "{\"account_id\": \"" + request.path().substring(10) + "\", \"status\": \"active\"}");
        }
        if (request.path().equals("/listings")) {
            return HttpPeer.Response.json(200, "{\"id\": \"pr-" + request.json().path("remote_id").asText() + "\"}");
        }
        return HttpPeer.Response.json(200, "{}");
    }

    public static HttpPeer.Response savourlife(HttpPeer.Request request) {
        if (request.path().equals("/SetAnimal")) {
            return HttpPeer.Response.json(200, "{\"DogId\": " + (5000 + request.json().path("Code").asLong()) + "}");
        }
        if (request.path().equals("/accounts")) {
            return HttpPeer.Response.json(200, "{\"account_id\": \"SL-NEW\", \"status\": \"active\"}");
        }
        return HttpPeer.Response.json(200, "{\"ok\": true}");
    }
}
