package kafkastandards.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates topics on the brokers with exactly the synthesized settings and compares what the brokers
 * report back.
 *
 *   TopicConfigCheck --bootstrap B --spec FILE.json [--self-test true]
 *
 * FILE.json is the output of topics-from-synth.ts: {"topics": [{source, name, partitions,
 * replicationFactor, config}], "skipped": [...]}. Per topic: createTopics with the partitions,
 * replication factor and configs; then describeTopics (partition count, replicas of every
 * partition) and describeConfigs (every synthesized key with the synthesized value, set on the topic
 * itself: DYNAMIC_TOPIC_CONFIG; and no topic-level key the synthesis did not ask for). A creation
 * the broker refuses is reported with the key or keys it refuses, found by validating each key on
 * its own. Topics are deleted afterwards. Topics sharing a name (the same topic in two examples) are
 * checked one after the other.
 *
 * --self-test true first runs two deliberately wrong topics through the same steps (an unknown key, an
 * invalid value) and passes only when both are reported as failures naming the key.
 *
 * Prints one "PASS name" or "FAIL name: why" line per topic.
 */
public final class TopicConfigCheck {
  /** One topic to create. */
  record Spec(String source, String name, int partitions, short replicationFactor, Map<String, String> config) {
    String label() {
      return "topic " + name + " (" + source + ")";
    }
  }

  /** Outcome of one topic: null problem means it matched. */
  record Outcome(Spec spec, String problem) {}

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    Map<String, Object> doc = Json.readObject(Files.readString(Path.of(cli.get("spec")), StandardCharsets.UTF_8));
    List<Spec> specs = new ArrayList<>();
    boolean ok = true;
    for (Object o : Json.list(doc.get("topics"), "topics")) {
      try {
        specs.add(toSpec(Json.object(o, "topic")));
      } catch (RuntimeException e) {
        Cli.fail("topic entry " + o + " is complete", e.getMessage());
        ok = false;
      }
    }
    for (Object s : Json.list(doc.getOrDefault("skipped", List.of()), "skipped")) Cli.info("not created: " + s);
    if (specs.isEmpty()) {
      Cli.fail("topics to verify", "the spec lists none");
      System.exit(1);
    }
    try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
      if (cli.flag("self-test")) ok &= selfTest(admin);
      for (List<Spec> round : rounds(specs)) {
        for (Outcome out : checkRound(admin, round)) {
          if (out.problem() == null) {
            Cli.pass(out.spec().label() + " created with " + describe(out.spec())
                + "; the brokers report exactly that back");
          } else {
            Cli.fail(out.spec().label() + " created with " + describe(out.spec()), out.problem());
            ok = false;
          }
        }
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static Spec toSpec(Map<String, Object> t) {
    String name = Json.string(t.get("name"), "name");
    int partitions = Json.integer(t.get("partitions"), "partitions");
    int rf = Json.integer(t.get("replicationFactor"), "replicationFactor");
    if (rf < 1 || rf > Short.MAX_VALUE) throw new IllegalArgumentException("replicationFactor " + rf + " out of range");
    Map<String, String> config = new TreeMap<>();
    for (Map.Entry<String, Object> e : Json.object(t.getOrDefault("config", Map.of()), "config").entrySet()) {
      config.put(e.getKey(), Json.string(e.getValue(), "config." + e.getKey()));
    }
    return new Spec(Json.string(t.get("source"), "source"), name, partitions, (short) rf, config);
  }

  private static String describe(Spec s) {
    StringBuilder b = new StringBuilder();
    b.append(s.partitions()).append(" partitions, RF ").append(s.replicationFactor());
    s.config().forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
    return b.toString();
  }

  /** Splits the topics into rounds in which every name occurs once, keeping their order. */
  static List<List<Spec>> rounds(List<Spec> specs) {
    List<List<Spec>> rounds = new ArrayList<>();
    List<Set<String>> names = new ArrayList<>();
    for (Spec s : specs) {
      int i = 0;
      while (i < rounds.size() && names.get(i).contains(s.name())) i++;
      if (i == rounds.size()) {
        rounds.add(new ArrayList<>());
        names.add(new LinkedHashSet<>());
      }
      rounds.get(i).add(s);
      names.get(i).add(s.name());
    }
    return rounds;
  }

  /** Creates the round's topics together, compares each with its spec, and deletes them. */
  static List<Outcome> checkRound(Admin admin, List<Spec> round) throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    for (Spec s : round) TopicTool.delete(admin, s.name()); // left over from an interrupted run
    List<NewTopic> newTopics = new ArrayList<>();
    for (Spec s : round) {
      newTopics.add(new NewTopic(s.name(), Optional.of(s.partitions()), Optional.of(s.replicationFactor()))
          .configs(s.config()));
    }
    CreateTopicsResult created = admin.createTopics(newTopics);
    List<Spec> live = new ArrayList<>();
    Map<Spec, String> refused = new LinkedHashMap<>();
    for (Spec s : round) {
      try {
        created.values().get(s.name()).get(30, TimeUnit.SECONDS);
        live.add(s);
      } catch (ExecutionException e) {
        refused.put(s, refusal(admin, s, e.getCause()));
      }
    }
    Map<String, String> problems = new LinkedHashMap<>();
    try {
      for (Spec s : live) {
        try {
          TopicDescription d = TopicTool.waitFullIsr(admin, s.name(), 30_000);
          String p = comparePartitions(s, d);
          if (p != null) problems.put(s.name(), p);
        } catch (Exception e) {
          problems.put(s.name(), "describeTopics: " + e.getMessage());
        }
      }
      if (!live.isEmpty()) {
        List<ConfigResource> resources = new ArrayList<>();
        for (Spec s : live) resources.add(new ConfigResource(ConfigResource.Type.TOPIC, s.name()));
        Map<ConfigResource, Config> described = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        for (Spec s : live) {
          String p = compareConfigs(s, described.get(new ConfigResource(ConfigResource.Type.TOPIC, s.name())));
          if (p != null) problems.merge(s.name(), p, (a, b) -> a + "; " + b);
        }
      }
    } finally {
      for (Spec s : live) {
        try {
          TopicTool.delete(admin, s.name());
        } catch (Exception e) {
          problems.merge(s.name(), "could not delete it afterwards: " + e.getMessage(), (a, b) -> a + "; " + b);
        }
      }
    }
    for (Spec s : round) {
      outcomes.add(new Outcome(s, refused.containsKey(s) ? refused.get(s) : problems.get(s.name())));
    }
    return outcomes;
  }

  private static String comparePartitions(Spec s, TopicDescription d) {
    List<String> p = new ArrayList<>();
    if (d.partitions().size() != s.partitions()) {
      p.add("the broker reports " + d.partitions().size() + " partitions, synthesized " + s.partitions());
    }
    for (TopicPartitionInfo info : d.partitions()) {
      if (info.replicas().size() != s.replicationFactor()) {
        p.add("partition " + info.partition() + " has " + info.replicas().size() + " replicas, synthesized RF "
            + s.replicationFactor());
      }
    }
    return p.isEmpty() ? null : String.join("; ", p);
  }

  private static String compareConfigs(Spec s, Config config) {
    if (config == null) return "describeConfigs returned nothing";
    List<String> p = new ArrayList<>();
    for (Map.Entry<String, String> e : s.config().entrySet()) {
      ConfigEntry entry = config.get(e.getKey());
      if (entry == null) {
        p.add("the broker does not report key " + e.getKey());
      } else if (!e.getValue().equals(entry.value())) {
        p.add("key " + e.getKey() + ": the broker reports " + entry.value() + " (" + entry.source() + "), synthesized "
            + e.getValue());
      } else if (entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
        p.add("key " + e.getKey() + " comes from " + entry.source() + ", not from the topic's own configuration");
      }
    }
    for (ConfigEntry entry : config.entries()) {
      if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && !s.config().containsKey(entry.name())) {
        p.add("the topic carries " + entry.name() + "=" + entry.value() + ", which the synthesis did not set");
      }
    }
    return p.isEmpty() ? null : String.join("; ", p);
  }

  /**
   * Why the broker refused a topic: each configuration key is validated on its own (validateOnly,
   * nothing is created), so the failure names the key or keys the broker rejects and its message.
   */
  private static String refusal(Admin admin, Spec s, Throwable cause) throws Exception {
    List<String> rejected = new ArrayList<>();
    for (Map.Entry<String, String> e : s.config().entrySet()) {
      NewTopic one = new NewTopic(s.name(), Optional.of(s.partitions()), Optional.of(s.replicationFactor()))
          .configs(Map.of(e.getKey(), e.getValue()));
      KafkaFuture<Void> f = admin.createTopics(List.of(one), new CreateTopicsOptions().validateOnly(true)).all();
      try {
        f.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException ex) {
        rejected.add("key " + e.getKey() + "=" + e.getValue() + " (" + ex.getCause().getClass().getSimpleName() + ": "
            + ex.getCause().getMessage() + ")");
      }
    }
    String base = "the broker refuses to create it: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return rejected.isEmpty() ? base : "the broker refuses " + String.join(", ", rejected);
  }

  /**
   * Two topics that must fail: an unknown key and an invalid value. Passes when the same steps as
   * for real topics report each as a failure that names the key.
   */
  private static boolean selfTest(Admin admin) throws Exception {
    List<Spec> bad = List.of(
        new Spec("self-test", "it-topic-selftest.unknown-key", 1, (short) 3,
            new TreeMap<>(Map.of("cleanup.policy", "delete", "retention.msec", "604800000"))),
        new Spec("self-test", "it-topic-selftest.bad-value", 1, (short) 3,
            new TreeMap<>(Map.of("cleanup.policy", "compacted", "min.insync.replicas", "2"))));
    String[] keys = {"retention.msec", "cleanup.policy"};
    String[] what = {"an unknown key", "an invalid value"};
    boolean ok = true;
    List<Outcome> outcomes = checkRound(admin, bad);
    for (int i = 0; i < bad.size(); i++) {
      Outcome o = outcomes.get(i);
      String name = "self-test: a topic with " + what[i] + " (" + keys[i] + "=" + bad.get(i).config().get(keys[i])
          + ") fails the check, naming the key";
      if (o.problem() != null && o.problem().contains("key " + keys[i] + "=")) {
        Cli.pass(name + " [" + o.problem() + "]");
      } else {
        Cli.fail(name, o.problem() == null ? "the broker accepted it and reported it back" : "reported: " + o.problem());
        ok = false;
      }
    }
    return ok;
  }
}
