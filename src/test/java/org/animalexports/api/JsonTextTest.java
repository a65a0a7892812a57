package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body's text is what the export state keeps and hashes: JsonText must write exactly what Jackson's toString did,
 * or every listing would look changed once and be pushed again.
 */
class JsonTextTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void partnerBodiesReadAsJacksonWritesThem() throws Exception {
        JsonNode body = new ObjectMapper().readTree("""
                {"name":"Rex \\"the dog\\"","fee":120.50,"id":12,"big":12345678901234,"ok":true,"none":null,
                 "photos":["https://x.example/1.jpg?v=1",""],"text":"Line 1\\nLine 2 \\u2014 caf\\u00e9 \\ud83d\\udc36 <b>&</b>\\t\\u0001",
                 "nested":{"a":[],"b":{},"c":[1,2.5e10,-0.0]}}""");
        assertThat(JsonText.of(body)).isEqualTo(body.toString());
    }

    @Test
    void randomTreesReadAsJacksonWritesThem() {
        Random random = new Random(20261202);
        for (int n = 0; n < 5_000; n++) {
            JsonNode tree = tree(random, 0);
            assertThat(JsonText.of(tree)).isEqualTo(tree.toString());
        }
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 9 : 11);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(4)));
            case 5 -> NODES.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(20));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            case 8 -> NODES.numberNode((short) random.nextInt(1000));
            case 9 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(text(random), tree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String text(Random random) {
        String pieces = "aZ9 \"\\/\n\r\t\u0000\u001f\u007f\u00e9\u2028\u2029<>&'\ud83d\udc36";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            out.append(pieces.charAt(random.nextInt(pieces.length())));
        }
        return out.toString();
    }
}
