package kafkastandards.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * Checks the broker baseline that MskCluster attaches against Apache Kafka itself.
 *
 *   BaselineCheck static    --baseline FILE --local FILE
 *       every baseline key is a broker config Kafka knows, its value parses and passes Kafka's
 *       validator, the local (listener/storage) settings do not override a baseline key, and the
 *       merged file is a valid KafkaConfig.
 *   BaselineCheck effective --bootstrap B --baseline FILE --brokers N
 *       every broker reports each baseline key with the baseline value, read from its
 *       server.properties (source STATIC_BROKER_CONFIG), not a default or a dynamic override.
 *   BaselineCheck behaviour --bootstrap B --sasl-bootstrap B --baseline FILE
 *       baseline keys observed through their effect: access without ACLs, topic defaults,
 *       deletion and auto-creation.
 *
 * Prints one "PASS name" or "FAIL name: why" line per check.
 */
public final class BaselineCheck {
  /**
   * Keys read by the authorizer rather than KafkaConfig. They are accepted only when the local
   * settings configure StandardAuthorizer, the authorizer that reads them.
   */
  private static final Set<String> AUTHORIZER_KEYS =
      Set.of(StandardAuthorizer.SUPER_USERS_CONFIG, StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG);

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    String mode = cli.positional.isEmpty() ? "" : cli.positional.get(0);
    LinkedHashMap<String, String> baseline = Cli.readProperties(Path.of(cli.get("baseline")));
    if (baseline.isEmpty()) {
      Cli.fail("baseline is not empty", "no keys in " + cli.get("baseline"));
      System.exit(1);
    }
    boolean ok;
    switch (mode) {
      case "static":
        ok = checkStatic(baseline, Cli.readProperties(Path.of(cli.get("local"))));
        break;
      case "effective":
        ok = checkEffective(cli.get("bootstrap"), baseline, Integer.parseInt(cli.get("brokers")));
        break;
      case "behaviour":
        ok = checkBehaviour(cli.get("bootstrap"), cli.get("sasl-bootstrap"), baseline);
        break;
      default:
        throw new IllegalArgumentException("mode must be static, effective or behaviour");
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean checkStatic(Map<String, String> baseline, Map<String, String> local) {
    boolean ok = true;
    ConfigDef def = KafkaConfig.configDef();
    Map<String, ConfigDef.ConfigKey> keys = def.configKeys();
    boolean standardAuthorizer = StandardAuthorizer.class.getName().equals(local.get("authorizer.class.name"));
    for (Map.Entry<String, String> e : baseline.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      String name = "baseline key " + key + "=" + value + " is a known, valid broker config";
      ConfigDef.ConfigKey ck = keys.get(key);
      if (ck != null) {
        try {
          Object parsed = ConfigDef.parseType(key, value, ck.type);
          if (ck.validator != null) ck.validator.ensureValid(key, parsed);
          Cli.pass(name);
        } catch (RuntimeException ex) {
          Cli.fail(name, "Kafka rejects the value: " + ex.getMessage());
          ok = false;
        }
      } else if (AUTHORIZER_KEYS.contains(key)) {
        if (!standardAuthorizer) {
          Cli.fail(name, "read only by an authorizer, and the local cluster runs none");
          ok = false;
        } else if (key.equals(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG)
            && !value.equals("true") && !value.equals("false")) {
          Cli.fail(name, "StandardAuthorizer expects true or false");
          ok = false;
        } else {
          Cli.pass(name + " (read by StandardAuthorizer)");
        }
      } else {
        Cli.fail(name, "not a Kafka " + kafkaVersion() + " broker config (KafkaConfig does not define it)");
        ok = false;
      }
    }

    List<String> overlap = local.keySet().stream().filter(baseline::containsKey).collect(Collectors.toList());
    if (overlap.isEmpty()) {
      Cli.pass("local cluster settings override no baseline key");
    } else {
      Cli.fail("local cluster settings override no baseline key", "both set " + overlap);
      ok = false;
    }

    Properties merged = new Properties();
    merged.putAll(baseline);
    merged.putAll(local);
    try {
      KafkaConfig.fromProps(merged, false);
      Cli.pass("baseline + local settings form a valid KafkaConfig");
    } catch (RuntimeException ex) {
      Cli.fail("baseline + local settings form a valid KafkaConfig", ex.getMessage());
      ok = false;
    }
    return ok;
  }

  private static boolean checkEffective(String bootstrap, Map<String, String> baseline, int brokers) throws Exception {
    List<ConfigResource> resources = new ArrayList<>();
    for (int id = 1; id <= brokers; id++) resources.add(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(id)));
    Map<ConfigResource, Config> described;
    try (Admin admin = Cli.admin(bootstrap)) {
      described = admin.describeConfigs(resources, new DescribeConfigsOptions().includeSynonyms(true))
          .all().get(30, TimeUnit.SECONDS);
    }
    Map<String, ConfigDef.ConfigKey> keys = KafkaConfig.configDef().configKeys();
    boolean ok = true;
    for (Map.Entry<String, String> e : baseline.entrySet()) {
      String key = e.getKey();
      String name = "effective " + key + " equals baseline " + e.getValue() + " on all " + brokers + " brokers";
      List<String> problems = new ArrayList<>();
      boolean hidden = false;
      for (ConfigResource r : resources) {
        ConfigEntry entry = described.get(r).get(key);
        if (entry == null) {
          problems.add("broker " + r.name() + " does not report it");
        } else if (entry.isSensitive() && entry.value() == null && !keys.containsKey(key)) {
          // Kafka hides values of keys KafkaConfig does not define (here: authorizer keys); only
          // presence and source can be read, and the behaviour check observes the value's effect.
          if (entry.source() != ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG) {
            problems.add("broker " + r.name() + " takes it from " + entry.source() + ", not server.properties");
          } else {
            hidden = true;
          }
        } else if (!sameValue(keys.get(key), key, e.getValue(), entry.value())) {
          problems.add("broker " + r.name() + " has " + entry.value() + " (" + entry.source() + ")");
        } else if (entry.source() != ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG) {
          problems.add("broker " + r.name() + " takes it from " + entry.source() + ", not server.properties");
        }
      }
      if (problems.isEmpty()) {
        Cli.pass(hidden ? name.replace(" equals baseline ", " is set from server.properties to ")
            + " (the broker hides this value; its effect is checked by behaviour)" : name);
      } else {
        Cli.fail(name, String.join("; ", problems));
        ok = false;
      }
    }
    return ok;
  }

  private static boolean sameValue(ConfigDef.ConfigKey ck, String key, String expected, String actual) {
    if (Objects.equals(expected, actual)) return true;
    if (ck == null || actual == null) return false;
    try {
      return Objects.equals(ConfigDef.parseType(key, expected, ck.type), ConfigDef.parseType(key, actual, ck.type));
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private static boolean checkBehaviour(String bootstrap, String saslBootstrap, Map<String, String> baseline)
      throws Exception {
    boolean ok = true;
    try (Admin admin = Cli.admin(bootstrap)) {
      if (baseline.containsKey(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG)) {
        ok &= checkNoAclAccess(admin, saslBootstrap, baseline.get(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG));
      }

      // Topic defaults: a topic created without partitions or replication factor takes them from the broker.
      String topic = "it-baseline-defaults";
      admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
      TopicDescription d = TopicTool.waitFullIsr(admin, topic, 30_000);
      ok &= expectEqual("a topic created without settings gets num.partitions", baseline.get("num.partitions"),
          Integer.toString(d.partitions().size()));
      ok &= expectEqual("a topic created without settings gets default.replication.factor",
          baseline.get("default.replication.factor"), Integer.toString(d.partitions().get(0).replicas().size()));
      ConfigResource tr = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config tc = admin.describeConfigs(List.of(tr)).all().get(30, TimeUnit.SECONDS).get(tr);
      ok &= expectEqual("a topic created without settings inherits min.insync.replicas",
          baseline.get("min.insync.replicas"), tc.get("min.insync.replicas").value());
      ok &= expectEqual("a topic created without settings inherits unclean.leader.election.enable",
          baseline.get("unclean.leader.election.enable"), tc.get("unclean.leader.election.enable").value());

      // delete.topic.enable
      if (baseline.containsKey("delete.topic.enable")) {
        boolean deleted = true;
        try {
          admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException ex) {
          deleted = false;
        }
        ok &= expectEqual("topic deletion is allowed as delete.topic.enable says", baseline.get("delete.topic.enable"),
            Boolean.toString(deleted));
      }

      // auto.create.topics.enable: a producer asking for an unknown topic must not create it.
      if (baseline.containsKey("auto.create.topics.enable")) {
        String ghost = "it-baseline-no-autocreate";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "4000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "it-autocreate");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
          producer.send(new ProducerRecord<>(ghost, new byte[] {1})).get(10, TimeUnit.SECONDS);
        } catch (Exception expected) {
          // a timeout waiting for metadata is what auto.create.topics.enable=false produces
        }
        Cli.sleep(1000);
        Collection<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        boolean created = names.contains(ghost);
        ok &= expectEqual("a producer creates a missing topic only as auto.create.topics.enable says",
            baseline.get("auto.create.topics.enable"), Boolean.toString(created));
        if (created) admin.deleteTopics(List.of(ghost)).all().get(30, TimeUnit.SECONDS);
      }
    }
    return ok;
  }

  /**
   * allow.everyone.if.no.acl.found: an ordinary principal (it-app over SASL/PLAIN) reads the metadata
   * of a topic that has no ACL only when the key is true. An ACL granting it DESCRIBE then lets it
   * in, which shows the refusal came from the authorizer and not from a broken connection.
   */
  private static boolean checkNoAclAccess(Admin superAdmin, String saslBootstrap, String expected) throws Exception {
    String topic = "it-baseline-acl";
    TopicTool.delete(superAdmin, topic);
    superAdmin.createTopics(List.of(new NewTopic(topic, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
    TopicTool.waitFullIsr(superAdmin, topic, 30_000);
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslBootstrap);
    p.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    p.put(SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"it-app\" password=\"it-app-secret\";");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "it-app");
    AclBinding grant = new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        new AccessControlEntry("User:it-app", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW));
    boolean ok;
    try (Admin app = Admin.create(p)) {
      String withoutAcl = describeOutcome(app, topic);
      ok = expectEqual("a principal without ACLs may read a topic only as allow.everyone.if.no.acl.found says",
          expected, Boolean.toString(withoutAcl.equals("allowed")));
      superAdmin.createAcls(List.of(grant)).all().get(30, TimeUnit.SECONDS);
      String withAcl = "denied";
      for (int i = 0; i < 40 && !withAcl.equals("allowed"); i++) {
        Cli.sleep(250); // ACLs reach every broker through the metadata log
        withAcl = describeOutcome(app, topic);
      }
      ok &= expectEqual("the same principal is let in once an ACL grants it DESCRIBE (authorizer is deciding)",
          "allowed", withAcl);
    } finally {
      superAdmin.deleteAcls(List.of(grant.toFilter())).all().get(30, TimeUnit.SECONDS);
      TopicTool.delete(superAdmin, topic);
    }
    return ok;
  }

  private static String describeOutcome(Admin admin, String topic) throws Exception {
    try {
      admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
      return "allowed";
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicAuthorizationException) return "denied";
      throw e;
    }
  }

  private static boolean expectEqual(String name, String expected, String actual) {
    if (expected == null) {
      Cli.info(name + ": baseline does not set the key, observed " + actual);
      return true;
    }
    if (expected.equals(actual)) {
      Cli.pass(name + " (" + actual + ")");
      return true;
    }
    Cli.fail(name, "expected " + expected + ", observed " + actual);
    return false;
  }

  private static String kafkaVersion() {
    return org.apache.kafka.common.utils.AppInfoParser.getVersion();
  }
}
