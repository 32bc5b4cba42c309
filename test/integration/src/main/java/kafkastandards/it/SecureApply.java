package kafkastandards.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Applies the data plane of synthesized stacks to the local cluster the way the Mongey/kafka
 * Terraform provider (v0.13.1, sarama) would, one Admin API call per resource, and reads each back:
 *
 *   kafka_topic                 CreateTopics(name, partitions, replication_factor, config); then
 *                               waits until the topic is listed (here: every replica in sync)
 *   kafka_acl                   CreateAcls(resource_type, resource_name, resource_pattern_type_filter
 *                               [default Literal], acl_principal, acl_host, acl_operation,
 *                               acl_permission_type), values converted exactly as the provider
 *                               does (case-sensitive PascalCase); read back with DescribeAcls
 *   kafka_quota                 AlterClientQuotas(entity_type = entity_name, or the default entity
 *                               when entity_name is absent; one op per config key); read back with
 *                               DescribeClientQuotas (strict)
 *   kafka_user_scram_credential AlterUserScramCredentials upsert (username, scram_mechanism,
 *                               scram_iterations [default 4096], a random 64-byte salt, password)
 *
 * SCRAM users that MSK keeps in Secrets Manager (the library's AmazonMSK_&lt;cluster&gt;_&lt;user&gt;
 * secrets) get the same AlterUserScramCredentials upsert (SCRAM-SHA-512, 4096 iterations), with the
 * password read from the environment variable the plan names.
 *
 *   SecureApply --bootstrap B --plan PLAN.json
 *
 * Prints one PASS/FAIL line per example and resource type; a value the provider would not convert
 * or the broker refuses fails, naming the resource.
 */
public final class SecureApply {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static void main(String[] args) throws Exception {
    Cli cli = new Cli(args);
    Map<String, Object> plan = Json.readObject(Files.readString(Path.of(cli.get("plan")), StandardCharsets.UTF_8));
    boolean ok = true;
    try (Admin admin = Cli.admin(cli.get("bootstrap"))) {
      for (Object o : Json.list(plan.get("examples"), "examples")) {
        Map<String, Object> example = Json.object(o, "example");
        String name = Json.string(example.get("name"), "name");
        ok &= scramUsers(admin, name, Json.list(example.get("scramUsers"), "scramUsers"));
        for (Object f : Json.list(example.get("dataPlane"), "dataPlane")) {
          ok &= applyStack(admin, Path.of(Json.string(f, "dataPlane file")));
        }
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean scramUsers(Admin admin, String example, List<?> users) throws Exception {
    List<String> names = new ArrayList<>();
    List<UserScramCredentialUpsertion> upserts = new ArrayList<>();
    for (Object o : users) {
      Map<String, Object> u = Json.object(o, "scramUser");
      String user = Json.string(u.get("user"), "user");
      String env = Json.string(u.get("passwordEnv"), "passwordEnv");
      String password = System.getenv(env);
      if (password == null || password.isEmpty()) {
        Cli.fail(example + ": SCRAM user " + user + " created", env + " is not set");
        return false;
      }
      names.add(user);
      upserts.add(new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
          password.getBytes(StandardCharsets.UTF_8), salt()));
    }
    if (upserts.isEmpty()) return true;
    String label = example + ": " + names.size() + " SCRAM users of the cluster's AmazonMSK_* secrets " + names
        + " -> AlterUserScramCredentials (SCRAM-SHA-512, 4096 iterations, password from the environment)";
    try {
      admin.alterUserScramCredentials(List.copyOf(upserts)).all().get(30, TimeUnit.SECONDS);
      Set<String> described = admin.describeUserScramCredentials(names).all().get(30, TimeUnit.SECONDS).keySet();
      if (!described.containsAll(names)) throw new IllegalStateException("DescribeUserScramCredentials lists " + described);
      Cli.pass(label + "; described back");
      return true;
    } catch (ExecutionException e) {
      Cli.fail(label, e.getCause().toString());
      return false;
    }
  }

  private static byte[] salt() {
    byte[] s = new byte[64];
    RANDOM.nextBytes(s);
    return s;
  }

  @SuppressWarnings("unchecked")
  private static boolean applyStack(Admin admin, Path file) throws Exception {
    Map<String, Object> doc = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
    Map<String, Object> resources = Json.object(doc.getOrDefault("resource", Map.of()), "resource");
    String stack = file.getParent().getFileName().toString();
    boolean ok = true;
    ok &= credentials(admin, stack, (Map<String, Object>) resources.getOrDefault("kafka_user_scram_credential", Map.of()));
    ok &= topics(admin, stack, (Map<String, Object>) resources.getOrDefault("kafka_topic", Map.of()));
    ok &= acls(admin, stack, (Map<String, Object>) resources.getOrDefault("kafka_acl", Map.of()));
    ok &= quotas(admin, stack, (Map<String, Object>) resources.getOrDefault("kafka_quota", Map.of()));
    return ok;
  }

  /** A synthesized attribute that must be a literal (no Terraform reference left to resolve). */
  private static String literal(Map<String, Object> r, String key, String where) {
    Object v = r.get(key);
    if (v == null) throw new IllegalArgumentException(where + ": " + key + " is missing");
    String s = v.toString();
    if (s.contains("${")) throw new IllegalArgumentException(where + ": " + key + " is a Terraform reference (" + s + ")");
    return s;
  }

  private static boolean credentials(Admin admin, String stack, Map<String, Object> byId) throws Exception {
    if (byId.isEmpty()) {
      Cli.info(stack + ": no kafka_user_scram_credential (the library keeps MSK SCRAM users in Secrets Manager)");
      return true;
    }
    boolean ok = true;
    for (Map.Entry<String, Object> e : byId.entrySet()) {
      String where = stack + "/kafka_user_scram_credential." + e.getKey();
      try {
        Map<String, Object> r = Json.object(e.getValue(), where);
        String user = literal(r, "username", where);
        String mechanism = literal(r, "scram_mechanism", where);
        ScramMechanism m = switch (mechanism) {
          case "SCRAM-SHA-256" -> ScramMechanism.SCRAM_SHA_256;
          case "SCRAM-SHA-512" -> ScramMechanism.SCRAM_SHA_512;
          default -> throw new IllegalArgumentException("scram_mechanism " + mechanism + " is not SCRAM-SHA-256 or SCRAM-SHA-512");
        };
        int iterations = r.get("scram_iterations") == null ? 4096 : Integer.parseInt(literal(r, "scram_iterations", where));
        String password = r.get("password") != null ? literal(r, "password", where) : literal(r, "password_wo", where);
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user, new ScramCredentialInfo(m, iterations),
            password.getBytes(StandardCharsets.UTF_8), salt()))).all().get(30, TimeUnit.SECONDS);
        Cli.pass(where + " -> AlterUserScramCredentials upsert " + user + " " + mechanism);
      } catch (Exception ex) {
        Cli.fail(where + " applied", ex instanceof ExecutionException ? ex.getCause().toString() : ex.getMessage());
        ok = false;
      }
    }
    return ok;
  }

  private static boolean topics(Admin admin, String stack, Map<String, Object> byId) throws Exception {
    boolean ok = true;
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Object> e : byId.entrySet()) {
      String where = stack + "/kafka_topic." + e.getKey();
      try {
        Map<String, Object> r = Json.object(e.getValue(), where);
        String name = literal(r, "name", where);
        int partitions = Integer.parseInt(literal(r, "partitions", where));
        short rf = Short.parseShort(literal(r, "replication_factor", where));
        Map<String, String> config = new TreeMap<>();
        for (Map.Entry<String, Object> c : Json.object(r.getOrDefault("config", Map.of()), where + ".config").entrySet()) {
          config.put(c.getKey(), c.getValue().toString());
        }
        admin.createTopics(List.of(new NewTopic(name, partitions, rf).configs(config))).all().get(30, TimeUnit.SECONDS);
        TopicTool.waitFullIsr(admin, name, 60_000);
        names.add(name + " (" + partitions + "x" + rf + ")");
      } catch (Exception ex) {
        Cli.fail(where + " -> CreateTopics", ex instanceof ExecutionException ? ex.getCause().toString() : ex.getMessage());
        ok = false;
      }
    }
    if (ok && !names.isEmpty()) {
      Cli.pass(stack + ": " + names.size() + " kafka_topic -> CreateTopics (name, partitions, replication factor, config), "
          + "every replica in sync: " + String.join(", ", names));
    }
    return ok;
  }

  /** The provider's stringToACLResource (kafka/kafka_acls.go): exact, case-sensitive. */
  static ResourceType resourceType(String s) {
    return switch (s) {
      case "Topic" -> ResourceType.TOPIC;
      case "Group" -> ResourceType.GROUP;
      case "Cluster" -> ResourceType.CLUSTER;
      case "TransactionalID" -> ResourceType.TRANSACTIONAL_ID;
      case "DelegationToken" -> ResourceType.DELEGATION_TOKEN;
      default -> throw new IllegalArgumentException("unknown resource type: " + s);
    };
  }

  /** The provider's stringToACLPrefix; Any and Match are filter values a broker refuses to create. */
  static PatternType patternType(String s) {
    return switch (s) {
      case "Literal" -> PatternType.LITERAL;
      case "Prefixed" -> PatternType.PREFIXED;
      case "Any" -> PatternType.ANY;
      case "Match" -> PatternType.MATCH;
      default -> throw new IllegalArgumentException("unknown pattern type filter: '" + s + "'");
    };
  }

  /** The provider's stringToOperation. */
  static AclOperation operation(String s) {
    return switch (s) {
      case "All" -> AclOperation.ALL;
      case "Read" -> AclOperation.READ;
      case "Write" -> AclOperation.WRITE;
      case "Create" -> AclOperation.CREATE;
      case "Delete" -> AclOperation.DELETE;
      case "Alter" -> AclOperation.ALTER;
      case "Describe" -> AclOperation.DESCRIBE;
      case "ClusterAction" -> AclOperation.CLUSTER_ACTION;
      case "DescribeConfigs" -> AclOperation.DESCRIBE_CONFIGS;
      case "AlterConfigs" -> AclOperation.ALTER_CONFIGS;
      case "IdempotentWrite" -> AclOperation.IDEMPOTENT_WRITE;
      default -> throw new IllegalArgumentException("unknown operation: " + s);
    };
  }

  /** The provider's stringToAclPermissionType. */
  static AclPermissionType permission(String s) {
    return switch (s) {
      case "Allow" -> AclPermissionType.ALLOW;
      case "Deny" -> AclPermissionType.DENY;
      default -> throw new IllegalArgumentException("unknown permission type: " + s);
    };
  }

  private static boolean acls(Admin admin, String stack, Map<String, Object> byId) throws Exception {
    boolean ok = true;
    Map<String, AclBinding> bindings = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : byId.entrySet()) {
      String where = stack + "/kafka_acl." + e.getKey();
      try {
        Map<String, Object> r = Json.object(e.getValue(), where);
        String pattern = r.get("resource_pattern_type_filter") == null ? "Literal" : literal(r, "resource_pattern_type_filter", where);
        AclBinding b = new AclBinding(
            new ResourcePattern(resourceType(literal(r, "resource_type", where)), literal(r, "resource_name", where),
                patternType(pattern)),
            new AccessControlEntry(literal(r, "acl_principal", where), literal(r, "acl_host", where),
                operation(literal(r, "acl_operation", where)), permission(literal(r, "acl_permission_type", where))));
        admin.createAcls(List.of(b)).all().get(30, TimeUnit.SECONDS);
        bindings.put(where, b);
      } catch (Exception ex) {
        Cli.fail(where + " -> CreateAcls", ex instanceof ExecutionException ? ex.getCause().toString() : ex.getMessage());
        ok = false;
      }
    }
    if (bindings.isEmpty()) return ok;
    Collection<AclBinding> listed = new HashSet<>();
    for (int attempt = 0; attempt < 20; attempt++) {
      listed = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
      if (listed.containsAll(bindings.values())) break;
      Cli.sleep(200);
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, AclBinding> e : bindings.entrySet()) if (!listed.contains(e.getValue())) missing.add(e.getKey());
    if (!missing.isEmpty()) {
      Cli.fail(stack + ": every kafka_acl listed by DescribeAcls after CreateAcls", "missing " + missing);
      return false;
    }
    Set<String> principals = new java.util.TreeSet<>();
    bindings.values().forEach(b -> principals.add(b.entry().principal()));
    if (ok) {
      Cli.pass(stack + ": " + bindings.size() + " kafka_acl -> CreateAcls (resource type, name, pattern type, principal, host, "
          + "operation, permission), each listed back by DescribeAcls; principals " + principals);
    }
    return ok;
  }

  private static boolean quotas(Admin admin, String stack, Map<String, Object> byId) throws Exception {
    boolean ok = true;
    List<String> applied = new ArrayList<>();
    for (Map.Entry<String, Object> e : byId.entrySet()) {
      String where = stack + "/kafka_quota." + e.getKey();
      try {
        Map<String, Object> r = Json.object(e.getValue(), where);
        String type = literal(r, "entity_type", where);
        if (!List.of("client-id", "user", "ip").contains(type)) throw new IllegalArgumentException("entity_type " + type);
        String name = r.get("entity_name") == null ? null : literal(r, "entity_name", where);
        Map<String, String> entityMap = new java.util.HashMap<>();
        entityMap.put(type, name);
        ClientQuotaEntity entity = new ClientQuotaEntity(entityMap);
        Map<String, Double> config = new TreeMap<>();
        for (Map.Entry<String, Object> c : Json.object(r.getOrDefault("config", Map.of()), where + ".config").entrySet()) {
          if (!(c.getValue() instanceof Number)) throw new IllegalArgumentException("config." + c.getKey() + " is not a number");
          config.put(c.getKey(), ((Number) c.getValue()).doubleValue());
        }
        List<ClientQuotaAlteration.Op> ops = new ArrayList<>();
        config.forEach((k, v) -> ops.add(new ClientQuotaAlteration.Op(k, v)));
        admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity, ops))).all().get(30, TimeUnit.SECONDS);
        ClientQuotaFilterComponent component = name == null
            ? ClientQuotaFilterComponent.ofDefaultEntity(type) : ClientQuotaFilterComponent.ofEntity(type, name);
        Map<String, Double> back = Map.of();
        for (int attempt = 0; attempt < 20; attempt++) {
          Map<ClientQuotaEntity, Map<String, Double>> d = admin.describeClientQuotas(
              ClientQuotaFilter.containsOnly(List.of(component))).entities().get(30, TimeUnit.SECONDS);
          back = d.getOrDefault(entity, Map.of());
          if (back.equals(config)) break;
          Cli.sleep(200);
        }
        if (!back.equals(config)) throw new IllegalStateException("DescribeClientQuotas reports " + back + ", not " + config);
        applied.add(type + "=" + (name == null ? "<default>" : name) + " " + config);
      } catch (Exception ex) {
        Cli.fail(where + " -> AlterClientQuotas", ex instanceof ExecutionException ? ex.getCause().toString() : ex.getMessage());
        ok = false;
      }
    }
    if (ok && !applied.isEmpty()) {
      Cli.pass(stack + ": " + applied.size() + " kafka_quota -> AlterClientQuotas, read back by DescribeClientQuotas: "
          + String.join("; ", applied));
    }
    return ok;
  }

  private SecureApply() {}
}
