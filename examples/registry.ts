import { App, TerraformStack } from "cdktf";
import * as mskBasic from "./msk-basic/main";
import * as mskComplete from "./msk-complete/main";
import * as mskTopics from "./msk-topics/main";
import * as mskSecurity from "./msk-security/main";
import * as confluentBasic from "./confluent-basic/main";
import * as confluentComplete from "./confluent-complete/main";
import * as confluentDr from "./confluent-dr/main";
import * as mskDr from "./msk-dr/main";
import * as mskScale from "./msk-scale/main";
import * as db2SnowflakeMsk from "./db2-snowflake-msk/main";
import * as db2SnowflakeConfluent from "./db2-snowflake-confluent/main";
import * as mqMigration from "./mq-migration/main";
import * as mqMigrationConfluent from "./mq-migration-confluent/main";
import * as connectorModernization from "./connector-modernization/main";

/** One runnable example: its folder name and how to add it to an app. */
export interface ExampleEntry {
  /** Folder under examples/ and stack name. */
  readonly name: string;
  /** Adds the example's stack to an app, as stack `id` (default: the example name). */
  readonly build: (app: App, id?: string) => TerraformStack;
}

/** Every example, simplest first. `npm run synth` synthesizes them all. */
export const EXAMPLES: readonly ExampleEntry[] = [
  { name: "msk-basic", build: mskBasic.build },
  { name: "msk-complete", build: mskComplete.build },
  { name: "msk-topics", build: mskTopics.build },
  { name: "msk-scale", build: mskScale.build },
  { name: "msk-security", build: mskSecurity.build },
  { name: "confluent-basic", build: confluentBasic.build },
  { name: "confluent-complete", build: confluentComplete.build },
  { name: "confluent-dr", build: confluentDr.build },
  { name: "db2-snowflake-msk", build: db2SnowflakeMsk.build },
  { name: "db2-snowflake-confluent", build: db2SnowflakeConfluent.build },
  { name: "mq-migration", build: mqMigration.build },
  { name: "mq-migration-confluent", build: mqMigrationConfluent.build },
  { name: "connector-modernization", build: connectorModernization.build },
  { name: "msk-dr", build: mskDr.build },
];
