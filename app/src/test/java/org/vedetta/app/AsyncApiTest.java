package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vedetta.model.Topics;

/**
 * The AsyncAPI document dashboard authors read ({@code schemas/asyncapi.yaml}, served by the console) is a valid
 * AsyncAPI 3.0 document, names every topic Vedetta writes once, and gives each topic the JSON Schema that
 * {@link TopicSchemasIT} checks its records against.
 */
class AsyncApiTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theDocumentIsValidAsyncApi3() throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        r -> r.schemaIdResolvers(ids -> ids.mapPrefix("http://asyncapi.com/definitions/3.0.0/asyncapi.json",
            "classpath:asyncapi/asyncapi-3.0.0.schema.json")));
    Schema asyncApi = registry.getSchema(SchemaLocation.of("http://asyncapi.com/definitions/3.0.0/asyncapi.json"));

    assertThat(asyncApi.validate(document())).isEmpty();

    // It would notice: a channel without its address.
    JsonNode broken = document().deepCopy();
    ((ObjectNode) broken.get("channels").get("articles")).put("address", 42);
    assertThat(asyncApi.validate(broken)).isNotEmpty();
  }

  @Test
  void everyTopicIsOneChannelWithItsOwnSchema() throws Exception {
    JsonNode doc = document();
    List<String> addresses = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("channels").fields(); it.hasNext(); ) {
      JsonNode channel = it.next().getValue();
      String address = channel.get("address").asText();
      addresses.add(address);
      for (JsonNode message : channel.get("messages")) {
        String name = message.get("$ref").asText().replace("#/components/messages/", "");
        String file = doc.at("/components/messages/" + name + "/payload/schema/$ref").asText().replace("./", "");
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + file)) {
          assertThat(in).as("%s's schema %s", address, file).isNotNull();
          JsonNode schema = new ObjectMapper().readTree(in);
          assertThat(schema.get("description").asText()).as(file)
              .containsPattern("^Topic " + Pattern.quote(address) + "[ ,]");
        }
      }
    }
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  private static JsonNode document() throws Exception {
    try (InputStream in = AsyncApiTest.class.getResourceAsStream("/schemas/asyncapi.yaml")) {
      return YAML.readTree(in);
    }
  }
}
