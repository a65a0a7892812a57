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

class JsonTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodiesAreWrittenAsJacksonWritesThemSoKeptHashesStayValid() throws Exception {
        JsonNode body = JSON.readTree("""
                {"name":"Biscuit \\"Bis\\" O'Neil","description":"Line one\\nLine two\\t<b>&amp;</b> \\u00e9\\u4e2d\\ud83d\\udc36",
                 "control":"\\u0001\\u001f\\u007f","slash":"a/b\\\\c","age":3,"fee":-50,"weight":12.5,"tiny":1.0E-7,
                 "big":12345678901234567890123,"ok":true,"no":false,"none":null,"empty":{},"list":[],
                 "pictures":[{"url":"https://images.example.org/1.jpg","version":1733148000123},null,"",[1,[2,{}]]],
                 "":"empty key","key with \\"quotes\\"":"v"}
                """);
        assertThat(JsonText.of(body)).isEqualTo(body.toString());
    }

    @Test
    void everyKindOfNumberIsWrittenAsJacksonWritesIt() {
        ObjectNode numbers = JsonNodeFactory.instance.objectNode();
        numbers.put("int", Integer.MIN_VALUE);
        numbers.put("long", Long.MAX_VALUE);
        numbers.put("float", 0.1f);
        numbers.put("double", Math.PI);
        numbers.put("decimal", new BigDecimal("1234.5000"));
        numbers.put("integer", new BigInteger("-98765432109876543210"));
        numbers.put("short", (short) 7);
        assertThat(JsonText.of(numbers)).isEqualTo(numbers.toString());
    }

    @Test
    void randomTreesAreWrittenAsJacksonWritesThem() {
        Random random = new Random(6);
        for (int i = 0; i < 500; i++) {
            JsonNode tree = randomNode(random, 0);
            assertThat(JsonText.of(tree)).isEqualTo(tree.toString());
        }
    }

    @Test
    void noBodyIsAnEmptyText() {
        assertThat(JsonText.of(null)).isEmpty();
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (kind) {
            case 0 -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomText(random), randomNode(random, depth + 1));
                }
                return object;
            }
            case 1 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                return array;
            }
            case 2 -> {
                return nodes.textNode(randomText(random));
            }
            case 3 -> {
                return nodes.numberNode(random.nextLong());
            }
            case 4 -> {
                return nodes.numberNode(random.nextDouble() * 1e6);
            }
            case 5 -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            default -> {
                return nodes.nullNode();
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            int pick = random.nextInt(10);
            text.append(pick == 0 ? (char) random.nextInt(0x20) : pick == 1 ? (char) (0xe0 + random.nextInt(0x3000))
                    : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }
}
