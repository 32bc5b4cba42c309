package kafkastandards.loadtest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;

/**
 * Read-only inventory of a live cluster behind `kafka-standards inspect`. Only describe/list Admin
 * calls are made. Prints JSON lines on stdout: {"type":"progress"}, then one {"type":"inventory"}
 * or one {"type":"error","kind":"unreachable"|"unauthorized"|"failed"}.
 *
 * <p>Arguments: --bootstrap-server S [--command-config FILE] [--window-ms N] [--timeout-ms N]
 */
public final class Inspect {
  /** Broker-baseline keys reported even at their default, so the audit reads the live value. */
  private static final Set<String> ALWAYS_READ =
      Set.of(
          "unclean.leader.election.enable",
          "auto.create.topics.enable",
          "min.insync.replicas",
          "default.replication.factor",
          "inter.broker.protocol.version");

  private final Admin admin;
  private final long timeoutMs;

  private Inspect(Admin admin, long timeoutMs) {
    this.admin = admin;
    this.timeoutMs = timeoutMs;
  }

  public static void main(String[] args) {
    String bootstrap = null;
    String commandConfig = null;
    long windowMs = 10_000;
    long timeoutMs = 30_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bootstrap-server":
          bootstrap = args[i + 1];
          break;
        case "--command-config":
          commandConfig = args[i + 1];
          break;
        case "--window-ms":
          windowMs = Long.parseLong(args[i + 1]);
          break;
        case "--timeout-ms":
          timeoutMs = Long.parseLong(args[i + 1]);
          break;
        default:
          fail("failed", "unknown argument " + args[i]);
          return;
      }
    }
    if (bootstrap == null) {
      fail("failed", "--bootstrap-server is required");
      return;
    }
    Properties props = new Properties();
    if (commandConfig != null) {
      try (Reader r = Files.newBufferedReader(Path.of(commandConfig), StandardCharsets.UTF_8)) {
        props.load(r);
      } catch (IOException e) {
        fail("failed", "cannot read " + commandConfig + ": " + e.getMessage());
        return;
      }
    }
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-standards-inspect");
    int t = (int) Math.min(Integer.MAX_VALUE, timeoutMs);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(t));
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(t, 15_000)));
    try (Admin admin = Admin.create(props)) {
      Json inventory = new Inspect(admin, timeoutMs).read(windowMs);
      System.out.println(inventory);
    } catch (ExecutionException e) {
      classify(e.getCause() != null ? e.getCause() : e);
    } catch (RuntimeException e) {
      classify(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("failed", "interrupted");
    }
    System.out.flush();
    System.exit(0);
  }

  private static void classify(Throwable e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof TimeoutException) fail("unreachable", message);
    else if (e instanceof AuthenticationException || e instanceof AuthorizationException) fail("unauthorized", message);
    else fail("failed", message);
  }

  private static void fail(String kind, String message) {
    System.out.println(Json.object().put("type", "error").put("kind", kind).put("message", String.valueOf(message)));
    System.out.flush();
  }

  private static void progress(String step) {
    System.out.println(Json.object().put("type", "progress").put("step", step));
    System.out.flush();
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> f) throws ExecutionException, InterruptedException {
    try {
      return f.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ExecutionException(new TimeoutException("no answer within " + timeoutMs + " ms"));
    }
  }

  private Json read(long windowMs) throws ExecutionException, InterruptedException {
    List<String> warnings = new ArrayList<>();
    Json out = Json.object().put("type", "inventory");

    progress("cluster");
    DescribeClusterResult cluster = admin.describeCluster();
    Collection<Node> nodes = get(cluster.nodes());
    Node controller = get(cluster.controller());
    out.put("clusterId", get(cluster.clusterId()));
    out.put("controller", controller == null || controller.isEmpty() ? null : controller.id());
    List<Json> brokers = new ArrayList<>();
    for (Node n : nodes) {
      brokers.add(Json.object().put("id", n.id()).put("host", n.host()).put("port", n.port()).put("rack", n.rack()));
    }
    out.put("brokers", Json.array(brokers));

    boolean kraft;
    try {
      get(admin.describeMetadataQuorum().quorumInfo());
      kraft = true;
    } catch (ExecutionException e) {
      // Only a broker without the DescribeQuorum API (ZooKeeper mode) means ZooKeeper.
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnsupportedVersionException)) throw e;
      kraft = false;
    }
    out.put("mode", kraft ? "kraft" : "zookeeper");
    try {
      FeatureMetadata features = get(admin.describeFeatures().featureMetadata());
      FinalizedVersionRange mv = features.finalizedFeatures().get("metadata.version");
      out.put("metadataVersionLevel", mv == null ? null : (int) mv.maxVersionLevel());
    } catch (ExecutionException e) {
      warnings.add("features: " + e.getCause().getMessage());
    }

    progress("broker configs");
    List<ConfigResource> brokerResources = new ArrayList<>();
    for (Node n : nodes) brokerResources.add(new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(n.id())));
    Map<ConfigResource, Config> brokerConfigs = get(admin.describeConfigs(brokerResources).all());
    List<Json> brokerConfigJson = new ArrayList<>();
    for (ConfigResource r : brokerResources) {
      Config c = brokerConfigs.get(r);
      brokerConfigJson.add(Json.object().put("broker", Integer.parseInt(r.name())).put("configs", nonDefault(c)));
    }
    out.put("brokerConfigs", Json.array(brokerConfigJson));

    progress("topics");
    Set<String> names = new TreeSet<>(get(admin.listTopics().names()));
    Map<String, TopicDescription> topics = new TreeMap<>(get(admin.describeTopics(names).allTopicNames()));
    List<ConfigResource> topicResources = new ArrayList<>();
    for (String name : names) topicResources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
    Map<ConfigResource, Config> topicConfigs =
        topicResources.isEmpty() ? Map.of() : get(admin.describeConfigs(topicResources).all());
    List<TopicPartition> partitions = new ArrayList<>();
    List<Json> topicJson = new ArrayList<>();
    for (TopicDescription d : topics.values()) {
      List<Json> parts = new ArrayList<>();
      for (TopicPartitionInfo p : d.partitions()) {
        partitions.add(new TopicPartition(d.name(), p.partition()));
        parts.add(
            Json.object()
                .put("partition", p.partition())
                .put("leader", p.leader() == null || p.leader().isEmpty() ? null : p.leader().id())
                .put("replicas", ids(p.replicas()))
                .put("isr", ids(p.isr())));
      }
      Config c = topicConfigs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()));
      Json configs = Json.object();
      String minIsr = null;
      if (c != null) {
        for (ConfigEntry e : c.entries()) {
          if (e.name().equals("min.insync.replicas")) minIsr = e.value();
          if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && e.value() != null)
            configs.put(e.name(), e.value());
        }
      }
      topicJson.add(
          Json.object()
              .put("name", d.name())
              .put("internal", d.isInternal())
              .put("partitions", Json.array(parts))
              .put("configs", configs)
              .put("effectiveMinInsyncReplicas", minIsr == null ? null : Integer.parseInt(minIsr)));
    }
    out.put("topics", Json.array(topicJson));

    progress("acls");
    try {
      List<Json> acls = new ArrayList<>();
      for (AclBinding b : get(admin.describeAcls(AclBindingFilter.ANY).values())) {
        acls.add(
            Json.object()
                .put("principal", b.entry().principal())
                .put("host", b.entry().host())
                .put("operation", b.entry().operation().name())
                .put("permission", b.entry().permissionType().name())
                .put("resourceType", b.pattern().resourceType().name())
                .put("resourceName", b.pattern().name())
                .put("patternType", b.pattern().patternType().name()));
      }
      out.put("acls", Json.array(acls));
    } catch (ExecutionException e) {
      out.put("acls", null);
      warnings.add("acls: " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    }

    progress("scram users");
    try {
      List<Json> users = new ArrayList<>();
      Map<String, UserScramCredentialsDescription> described =
          new TreeMap<>(get(admin.describeUserScramCredentials().all()));
      for (UserScramCredentialsDescription u : described.values()) {
        List<String> mechanisms = new ArrayList<>();
        for (ScramCredentialInfo i : u.credentialInfos()) mechanisms.add(i.mechanism().mechanismName());
        users.add(Json.object().put("name", u.name()).put("mechanisms", Json.array(mechanisms)));
      }
      out.put("scramUsers", Json.array(users));
    } catch (ExecutionException e) {
      out.put("scramUsers", null);
      warnings.add("scram users: " + e.getCause().getMessage());
    }

    progress("quotas");
    try {
      List<Json> quotas = new ArrayList<>();
      Map<ClientQuotaEntity, Map<String, Double>> described =
          get(admin.describeClientQuotas(ClientQuotaFilter.all()).entities());
      for (Map.Entry<ClientQuotaEntity, Map<String, Double>> q : described.entrySet()) {
        Json entity = Json.object();
        for (Map.Entry<String, String> e : new TreeMap<>(q.getKey().entries()).entrySet())
          entity.put(e.getKey(), e.getValue() == null ? "<default>" : e.getValue());
        Json values = Json.object();
        for (Map.Entry<String, Double> v : new TreeMap<>(q.getValue()).entrySet()) values.put(v.getKey(), v.getValue());
        quotas.add(Json.object().put("entity", entity).put("values", values));
      }
      out.put("quotas", Json.array(quotas));
    } catch (ExecutionException e) {
      out.put("quotas", null);
      warnings.add("quotas: " + e.getCause().getMessage());
    }

    progress("end offsets and log dirs (window start)");
    long t0 = System.nanoTime();
    Map<TopicPartition, Long> end0 = endOffsets(partitions);
    Map<String, Long> size0 = logDirSizes(nodes, warnings);

    progress("consumer groups");
    List<Json> groups = new ArrayList<>();
    for (ConsumerGroupListing g : get(admin.listConsumerGroups().all())) {
      String id = g.groupId();
      ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(id)).describedGroups().get(id));
      Map<TopicPartition, OffsetAndMetadata> committed =
          get(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata());
      List<Json> offsets = new ArrayList<>();
      long lag = 0;
      Map<String, TopicPartition> byName = new TreeMap<>();
      for (TopicPartition tp : committed.keySet()) byName.put(tp.topic() + "/" + tp.partition(), tp);
      for (Map.Entry<String, TopicPartition> c : byName.entrySet()) {
        OffsetAndMetadata om = committed.get(c.getValue());
        if (om == null) continue;
        Long end = end0.get(c.getValue());
        long l = end == null ? 0 : Math.max(0, end - om.offset());
        lag += l;
        offsets.add(Json.object().put("partition", c.getKey()).put("committed", om.offset()).put("end", end).put("lag", l));
      }
      groups.add(
          Json.object()
              .put("groupId", id)
              .put("state", d.state().toString())
              .put("members", d.members().size())
              .put("lag", lag)
              .put("offsets", Json.array(offsets)));
    }
    out.put("consumerGroups", Json.array(groups));

    long remaining = windowMs - (System.nanoTime() - t0) / 1_000_000;
    if (remaining > 0) {
      progress("sampling for " + windowMs + " ms");
      Thread.sleep(remaining);
    }
    progress("end offsets and log dirs (window end)");
    Map<TopicPartition, Long> end1 = endOffsets(partitions);
    Map<String, Long> size1 = logDirSizes(nodes, warnings);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Json> samples = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      Json s = Json.object().put("partition", tp.topic() + "/" + tp.partition())
          .put("endStart", end0.get(tp)).put("endEnd", end1.get(tp));
      samples.add(s);
    }
    List<Json> sizes = new ArrayList<>();
    for (Map.Entry<String, Long> e : new TreeMap<>(size1).entrySet()) {
      sizes.add(Json.object().put("replica", e.getKey()).put("bytesStart", size0.get(e.getKey())).put("bytesEnd", e.getValue()));
    }
    out.put("window", Json.object().put("seconds", seconds).put("offsets", Json.array(samples)).put("logDirs", Json.array(sizes)));
    out.put("warnings", Json.array(warnings));
    return out;
  }

  private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
    for (TopicPartition tp : partitions) spec.put(tp, OffsetSpec.latest());
    Map<TopicPartition, Long> out = new HashMap<>();
    if (spec.isEmpty()) return out;
    ListOffsetsResult result = admin.listOffsets(spec);
    for (TopicPartition tp : partitions) {
      try {
        out.put(tp, get(result.partitionResult(tp)).offset());
      } catch (ExecutionException e) {
        // offline partition or no leader: no end offset
      }
    }
    return out;
  }

  /** Size per replica, keyed "topic/partition@broker". */
  private Map<String, Long> logDirSizes(Collection<Node> nodes, List<String> warnings)
      throws InterruptedException {
    Map<String, Long> out = new HashMap<>();
    List<Integer> ids = new ArrayList<>();
    for (Node n : nodes) ids.add(n.id());
    try {
      Map<Integer, Map<String, LogDirDescription>> dirs = get(admin.describeLogDirs(ids).allDescriptions());
      for (Map.Entry<Integer, Map<String, LogDirDescription>> b : dirs.entrySet()) {
        for (LogDirDescription d : b.getValue().values()) {
          for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
            out.merge(r.getKey().topic() + "/" + r.getKey().partition() + "@" + b.getKey(), r.getValue().size(), Long::sum);
          }
        }
      }
    } catch (ExecutionException e) {
      if (!warnings.contains("log dirs: " + e.getCause().getMessage()))
        warnings.add("log dirs: " + e.getCause().getMessage());
    }
    return out;
  }

  private static Json nonDefault(Config c) {
    Json out = Json.object();
    if (c == null) return out;
    List<ConfigEntry> entries = new ArrayList<>(c.entries());
    entries.sort((a, b) -> a.name().compareTo(b.name()));
    for (ConfigEntry e : entries) {
      if (e.source() == ConfigEntry.ConfigSource.DEFAULT_CONFIG && !ALWAYS_READ.contains(e.name())) continue;
      out.put(e.name(), e.isSensitive() || e.value() == null ? "<sensitive>" : e.value());
    }
    return out;
  }

  private static Json ids(List<Node> nodes) {
    List<Integer> out = new ArrayList<>();
    for (Node n : nodes) out.add(n.id());
    return Json.array(out);
  }
}
