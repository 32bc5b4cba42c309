/**
 * The base pack: every rule that runs by default, in report order.
 */
import type { AuditRule } from "../types";
import { aclWildcardPrincipal } from "../rules/acl/wildcard-principal";
import { aclWildcardResource } from "../rules/acl/wildcard-resource";
import { confluentBasicClusterInProd } from "../rules/cfl/basic-cluster-in-prod";
import { confluentPreventDestroy } from "../rules/cfl/prevent-destroy";
import { confluentUserOwnedApiKey } from "../rules/cfl/user-owned-api-key";
import { connectorErrorHandling } from "../rules/conn/error-handling";
import { connectorPlaintextSecrets } from "../rules/conn/plaintext-secrets";
import { connectorDeadLetterQueue } from "../rules/conn/dead-letter-queue";
import { connectorErrorLog } from "../rules/conn/error-log";
import { connectorPlaintextTransport } from "../rules/conn/plaintext-transport";
import { workerConfigurationSecrets } from "../rules/conn/worker-config-secrets";
import { configProviderDeclared } from "../rules/conn/config-provider-declared";
import { deprecatedConnector } from "../rules/connect/deprecated-connector";
import { subjectCompatibility } from "../rules/schema/subject-compatibility";
import { iamKafkaWildcardAction } from "../rules/iam/wildcard-action";
import { iamKafkaWildcardResource } from "../rules/iam/wildcard-resource";
import { kmsPreventDestroy } from "../rules/kms/prevent-destroy";
import { kmsKeyRotation } from "../rules/kms/key-rotation";
import { logEncryption } from "../rules/log/encryption";
import { logRetention } from "../rules/log/retention";
import { monClusterAlarms } from "../rules/mon/cluster-alarms";
import { mskAllowEveryoneIfNoAcl } from "../rules/msk/allow-everyone-if-no-acl";
import { mskAtRestCmk } from "../rules/msk/at-rest-cmk";
import { mskAutoCreateTopics } from "../rules/msk/auto-create-topics";
import { mskBrokerLogging } from "../rules/msk/broker-logging";
import { mskBrokerSpread } from "../rules/msk/broker-spread";
import { mskBrokerTypeKnown } from "../rules/msk/broker-type-known";
import { mskBurstableBrokers } from "../rules/msk/burstable-brokers";
import { mskClientBrokerTls } from "../rules/msk/client-broker-tls";
import { mskConfigurationAttached } from "../rules/msk/configuration-attached";
import { mskDefaultReplicationFactor } from "../rules/msk/default-replication-factor";
import { mskEnhancedMonitoring } from "../rules/msk/enhanced-monitoring";
import { mskInClusterEncryption } from "../rules/msk/in-cluster-encryption";
import { mskKafkaVersionEndOfSupport } from "../rules/msk/kafka-version-end-of-support";
import { mskKafkaVersionKnown } from "../rules/msk/kafka-version-known";
import { mskMinInsyncReplicas } from "../rules/msk/min-insync-replicas";
import { mskNoDisabledLogDestination } from "../rules/msk/no-disabled-log-destination";
import { mskPreventDestroy } from "../rules/msk/prevent-destroy";
import { mskPublicAccess } from "../rules/msk/public-access";
import { mskUnauthenticatedAccess } from "../rules/msk/unauthenticated-access";
import { mskUncleanLeaderElection } from "../rules/msk/unclean-leader-election";
import { mskcEncryptionInTransit } from "../rules/mskc/encryption-in-transit";
import { mskcIamAuthentication } from "../rules/mskc/iam-authentication";
import { mskcWorkerLogging } from "../rules/mskc/worker-logging";
import { netOpenKafkaIngress } from "../rules/net/open-kafka-ingress";
import { scramSecretCmk } from "../rules/scram/secret-cmk";
import { scramSecretName } from "../rules/scram/secret-name";
import { topicMinInsyncBelowReplication } from "../rules/topic/min-insync-below-rf";
import { topicMinInsyncReplicas } from "../rules/topic/min-insync-replicas";
import { topicNaming } from "../rules/topic/naming";
import { topicPreventDestroy } from "../rules/topic/prevent-destroy";
import { topicPlanDataLoss } from "../rules/topic/plan-data-loss";
import { topicPlanDelete } from "../rules/topic/plan-delete";
import { topicReplicationFactor } from "../rules/topic/replication-factor";
import { topicRetentionMatchesClass } from "../rules/topic/retention-matches-class";

/** Rules that always run. */
export const BASE_PACK: readonly AuditRule[] = Object.freeze([
  mskClientBrokerTls,
  mskInClusterEncryption,
  mskAtRestCmk,
  mskBrokerLogging,
  mskNoDisabledLogDestination,
  mskPublicAccess,
  mskUnauthenticatedAccess,
  mskEnhancedMonitoring,
  mskConfigurationAttached,
  mskKafkaVersionEndOfSupport,
  mskKafkaVersionKnown,
  mskBrokerTypeKnown,
  mskBrokerSpread,
  mskBurstableBrokers,
  mskPreventDestroy,
  mskUncleanLeaderElection,
  mskAutoCreateTopics,
  mskMinInsyncReplicas,
  mskAllowEveryoneIfNoAcl,
  mskDefaultReplicationFactor,
  mskcEncryptionInTransit,
  mskcWorkerLogging,
  mskcIamAuthentication,
  connectorErrorHandling,
  connectorPlaintextSecrets,
  connectorDeadLetterQueue,
  connectorErrorLog,
  connectorPlaintextTransport,
  workerConfigurationSecrets,
  configProviderDeclared,
  deprecatedConnector,
  subjectCompatibility,
  confluentUserOwnedApiKey,
  confluentBasicClusterInProd,
  confluentPreventDestroy,
  topicNaming,
  topicReplicationFactor,
  topicMinInsyncReplicas,
  topicMinInsyncBelowReplication,
  topicRetentionMatchesClass,
  topicPreventDestroy,
  topicPlanDataLoss,
  topicPlanDelete,
  aclWildcardPrincipal,
  aclWildcardResource,
  iamKafkaWildcardAction,
  iamKafkaWildcardResource,
  netOpenKafkaIngress,
  logRetention,
  logEncryption,
  kmsKeyRotation,
  kmsPreventDestroy,
  scramSecretCmk,
  scramSecretName,
  monClusterAlarms,
]);
