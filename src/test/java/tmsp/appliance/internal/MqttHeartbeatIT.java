package tmsp.appliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tmsp.support.IntegrationTest;
import tmsp.support.TestAccounts;

/**
 * Heartbeats over MQTT through the Mosquitto on loopback: a plain Paho client publishes as an appliance would
 * and listens on the reply topics, products are registered over real HTTP as in {@link ApplianceApiIT}.
 */
@IntegrationTest
@CamelSpringBootTest
class MqttHeartbeatIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort int port;
    @Value("${tmsp.mqtt.broker-url}") String brokerUrl;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, BlockingQueue<String>> replies = new ConcurrentHashMap<>();
    TestAccounts.Created account;
    MqttClient appliance;

    @BeforeEach
    void anAccountAndAnApplianceOnTheBroker() throws Exception {
        account = TestAccounts.create(mvc, json, jdbc, "Mqtt");
        appliance = new MqttClient(brokerUrl, "tmsp-it-" + UUID.randomUUID(), new MemoryPersistence());
        appliance.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                replies.computeIfAbsent(topic, t -> new LinkedBlockingQueue<>())
                        .add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        appliance.connect(options);
        appliance.subscribe("tmsp/products/+/heartbeat/reply", 1);
    }

    @AfterEach
    void leaveTheBroker() throws Exception {
        if (appliance.isConnected()) {
            appliance.disconnect();
        }
        appliance.close();
    }

    private JsonNode registered(String type) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (account.registrationUser() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/products"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\",\"hostname\":\"tda-mqtt.corp.example\","
                        + "\"guid\":\"" + UUID.randomUUID() + "\",\"version\":\"3.8.1180\"}"))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private void publish(long productId, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        appliance.publish("tmsp/products/" + productId + "/heartbeat", message);
    }

    private JsonNode reply(long productId) throws Exception {
        BlockingQueue<String> queue = replies.computeIfAbsent("tmsp/products/" + productId + "/heartbeat/reply",
                t -> new LinkedBlockingQueue<>());
        await().atMost(WAIT).until(() -> !queue.isEmpty());
        return json.readTree(queue.poll());
    }

    private Map<String, Object> product(long productId) {
        return jdbc.queryForMap("select * from products where id = ?", productId);
    }

    private String accountCompliance() {
        return jdbc.queryForObject("select security_compliance from accounts where id = ?", String.class, account.id());
    }

    @Test
    void aHeartbeatOverMqttUpdatesTheProductAndTheAccountAndRepliesWithTheInterval() throws Exception {
        JsonNode registered = registered("DISCOVERY");
        long productId = registered.get("productId").asLong();
        publish(productId, "{\"token\":\"" + registered.get("token").asText() + "\",\"securityCompliance\":true,"
                + "\"version\":\"3.9.0\",\"patternVersion\":\"19.541.00\",\"cpu\":12}");

        JsonNode reply = reply(productId);
        assertThat(reply.get("status").asInt()).isEqualTo(200);
        assertThat(reply.get("intervalSeconds").asLong()).isEqualTo(300);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(product(productId)).containsEntry("version", "3.9.0").containsEntry("pattern_version", "19.541.00")
                    .containsEntry("security_compliance", "ENABLED");
            assertThat(product(productId).get("last_heartbeat_at")).isNotNull();
            assertThat(accountCompliance()).isEqualTo("ENABLED");
        });
    }

    @Test
    void aWrongTokenIsRefusedWith401AndChangesNothing() throws Exception {
        long productId = registered("DISCOVERY").get("productId").asLong();
        String wrong = "tmsp_" + "x".repeat(43);
        publish(productId, "{\"token\":\"" + wrong + "\",\"securityCompliance\":true,\"patternVersion\":\"1\"}");

        JsonNode reply = reply(productId);
        assertThat(reply.get("status").asInt()).isEqualTo(401);
        assertThat(reply.toString()).doesNotContain(wrong);
        assertThat(product(productId).get("last_heartbeat_at")).isNull();
        assertThat(product(productId).get("pattern_version")).isNull();
        assertThat(accountCompliance()).isNull();
    }

    @Test
    void aTokenOnAnotherProductsTopicIsRefused() throws Exception {
        JsonNode mine = registered("DISCOVERY");
        long other = registered("DISCOVERY").get("productId").asLong();
        publish(other, "{\"token\":\"" + mine.get("token").asText() + "\",\"securityCompliance\":true}");

        JsonNode reply = reply(other);
        assertThat(reply.get("status").asInt()).isEqualTo(403);
        assertThat(reply.toString()).doesNotContain(mine.get("token").asText());
        assertThat(product(other).get("last_heartbeat_at")).isNull();
        assertThat(product(mine.get("productId").asLong()).get("last_heartbeat_at")).isNull();
        assertThat(accountCompliance()).isNull();
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedWith400() throws Exception {
        long productId = registered("DISCOVERY").get("productId").asLong();
        publish(productId, "not json");

        assertThat(reply(productId).get("status").asInt()).isEqualTo(400);
        assertThat(product(productId).get("last_heartbeat_at")).isNull();
    }
}
