import { CLIENT_PROFILES, ClientLibrary } from "../standards/client-profiles";
import { KafkaApplication } from "./kafka-application";

/** How a client authenticates, per backend. */
export type ClientAuthMode = "msk-iam" | "msk-scram" | "msk-tls" | "confluent-api-key";

/** Inputs for one properties file. */
export interface ClientPropertiesInput {
  /** The application. */
  readonly application: KafkaApplication;
  /** Cluster name. */
  readonly clusterName: string;
  /** Authentication mode. */
  readonly auth: ClientAuthMode;
  /** Client library whose property names are used. */
  readonly library: ClientLibrary;
  /** Producer or consumer settings. */
  readonly role: "producer" | "consumer";
  /** Terraform output that holds the bootstrap servers. */
  readonly bootstrapOutput: string;
}

/** Environment variables the rendered files reference for secrets. */
export const CLIENT_SECRET_ENV = Object.freeze({
  scramPassword: "KAFKA_SASL_PASSWORD",
  apiKey: "KAFKA_API_KEY",
  apiSecret: "KAFKA_API_SECRET",
  bootstrap: "KAFKA_BOOTSTRAP_SERVERS",
});

/** Java clients resolve `${env:NAME}` through EnvVarConfigProvider; librdkafka files use `${NAME}` for envsubst. */
function envRef(library: ClientLibrary, name: string): string {
  return library === "java" ? `\${env:${name}}` : `\${${name}}`;
}

const JAVA_ENV_PROVIDER = Object.freeze({
  "config.providers": "env",
  "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
});

function authProperties(input: ClientPropertiesInput): Record<string, string> {
  const { auth, library, application } = input;
  const user = application.principal.name;
  const java = library === "java";
  switch (auth) {
    case "msk-iam":
      // MSK IAM: aws-msk-iam-auth on the Java client; librdkafka signs an OAUTHBEARER token with aws-msk-iam-sasl-signer.
      return java
        ? {
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "AWS_MSK_IAM",
            "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
            "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
            // MSK best practice: IAM allows 100 new connections/s per broker; back off on reconnect,
            // exponentially up to 10 s (a max below the base would turn the exponential backoff off).
            "reconnect.backoff.ms": "1000",
            "reconnect.backoff.max.ms": "10000",
          }
        : {
            "security.protocol": "SASL_SSL",
            "sasl.mechanisms": "OAUTHBEARER",
            "reconnect.backoff.ms": "1000",
            "reconnect.backoff.max.ms": "10000",
          };
    case "msk-scram":
      return java
        ? {
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "SCRAM-SHA-512",
            "sasl.jaas.config": `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="\${env:${CLIENT_SECRET_ENV.scramPassword}}";`,
          }
        : {
            "security.protocol": "SASL_SSL",
            "sasl.mechanisms": "SCRAM-SHA-512",
            "sasl.username": user,
            "sasl.password": `\${${CLIENT_SECRET_ENV.scramPassword}}`,
          };
    case "msk-tls":
      return java
        ? {
            "security.protocol": "SSL",
            "ssl.keystore.type": "PKCS12",
            "ssl.keystore.location": "${env:KAFKA_KEYSTORE}",
            "ssl.keystore.password": "${env:KAFKA_KEYSTORE_PASSWORD}",
          }
        : {
            "security.protocol": "SSL",
            "ssl.certificate.location": "${KAFKA_CLIENT_CERT}",
            "ssl.key.location": "${KAFKA_CLIENT_KEY}",
          };
    case "confluent-api-key":
      return java
        ? {
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "PLAIN",
            "sasl.jaas.config": `org.apache.kafka.common.security.plain.PlainLoginModule required username="\${env:${CLIENT_SECRET_ENV.apiKey}}" password="\${env:${CLIENT_SECRET_ENV.apiSecret}}";`,
            "client.dns.lookup": "use_all_dns_ips",
          }
        : {
            "security.protocol": "SASL_SSL",
            "sasl.mechanisms": "PLAIN",
            "sasl.username": `\${${CLIENT_SECRET_ENV.apiKey}}`,
            "sasl.password": `\${${CLIENT_SECRET_ENV.apiSecret}}`,
          };
  }
}

/** The properties of one client (connection, auth, profile, identity), in a stable order. */
export function clientProperties(input: ClientPropertiesInput): Record<string, string> {
  const { application, library, role } = input;
  const profileName = role === "producer" ? application.producerProfile : application.consumerProfile;
  const profile = CLIENT_PROFILES[profileName];
  const tuning = role === "producer" ? profile.producer[library] : profile.consumer[library];
  const props: Record<string, string> = {
    ...(library === "java" ? JAVA_ENV_PROVIDER : {}),
    "bootstrap.servers": envRef(library, CLIENT_SECRET_ENV.bootstrap),
    "client.id": application.name,
    ...authProperties(input),
    ...tuning,
  };
  if (role === "producer" && profileName === "EXACTLY_ONCE")
    props["transactional.id"] = `${application.name}-${envRef(library, "HOSTNAME")}`;
  if (role === "consumer" && application.groups.length > 0) props["group.id"] = application.groups[0];
  return props;
}

/** Renders a properties file with a header that says where each referenced value comes from. */
export function renderClientProperties(input: ClientPropertiesInput): string {
  const props = clientProperties(input);
  const profileName = input.role === "producer" ? input.application.producerProfile : input.application.consumerProfile;
  const lines = [
    `# ${input.application.name}: ${input.role} of cluster ${input.clusterName} (${input.library}), profile ${profileName}.`,
    "# Generated by cdktf-kafka-standards. Secrets are referenced, never written here:",
    `#   ${CLIENT_SECRET_ENV.bootstrap}: terraform output -raw ${input.bootstrapOutput}`,
  ];
  if (input.auth === "msk-scram")
    lines.push(
      `#   ${CLIENT_SECRET_ENV.scramPassword}: the password in Secrets Manager secret AmazonMSK_${input.clusterName}_${input.application.principal.name}`,
    );
  if (input.auth === "msk-tls") {
    lines.push(
      input.library === "java"
        ? "#   KAFKA_KEYSTORE / KAFKA_KEYSTORE_PASSWORD: a PKCS12 keystore with the client certificate and its key / its password"
        : "#   KAFKA_CLIENT_CERT / KAFKA_CLIENT_KEY: PEM files of the client certificate and of its key",
      `#   Certificate subject (the principal of the ACLs and quotas, exactly as written): ${input.application.principal.name}`,
    );
  }
  if (input.auth === "confluent-api-key")
    lines.push(
      `#   ${CLIENT_SECRET_ENV.apiKey} / ${CLIENT_SECRET_ENV.apiSecret}: the application's API key (sensitive Terraform outputs)`,
    );
  if (input.library === "librdkafka")
    lines.push("#   librdkafka does not expand ${...}: substitute with envsubst when deploying.");
  if (input.auth === "msk-iam" && input.library === "librdkafka")
    lines.push("#   MSK IAM: register an OAUTHBEARER token refresh callback built on aws-msk-iam-sasl-signer.");
  if (input.role === "producer") lines.push(`# Topics: ${input.application.produces.join(", ") || "none granted yet"}`);
  else
    lines.push(
      `# Topics: ${input.application.consumes.map((c) => `${c.topic} (group ${c.group})`).join(", ") || "none granted yet"}`,
    );
  for (const [k, v] of Object.entries(props)) lines.push(`${k}=${v}`);
  return lines.join("\n") + "\n";
}
