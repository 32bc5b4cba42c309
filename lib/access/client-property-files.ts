import { ArtifactFile } from "../core/stack-artifacts";
import { ClientAuthMode, renderClientProperties } from "./client-properties";
import { KafkaApplication } from "./kafka-application";

/**
 * The client properties files of a cluster's applications: one per application, role it plays
 * (producer, consumer) and client library, under `clients/<cluster>/`.
 */
export function clientPropertyFiles(
  clusterName: string,
  applications: readonly KafkaApplication[],
  connection: (app: KafkaApplication) => { readonly auth: ClientAuthMode; readonly bootstrapOutput: string },
): ArtifactFile[] {
  const files: ArtifactFile[] = [];
  for (const application of applications) {
    const { auth, bootstrapOutput } = connection(application);
    for (const library of ["java", "librdkafka"] as const) {
      for (const role of ["producer", "consumer"] as const) {
        if (role === "producer" ? application.produces.length === 0 : application.consumes.length === 0) continue;
        files.push({
          path: `clients/${clusterName}/${application.name}-${role}.${library}.properties`,
          content: renderClientProperties({ application, clusterName, auth, library, role, bootstrapOutput }),
        });
      }
    }
  }
  return files;
}
