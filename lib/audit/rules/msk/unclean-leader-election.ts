import { baselineEqualsRule } from "../shared/configuration";

/** Broker baseline: `unclean.leader.election.enable=false` in every MSK configuration. */
export const mskUncleanLeaderElection = baselineEqualsRule({
  id: "KS-MSK-020",
  key: "unclean.leader.election.enable",
  title: "MSK configuration disables unclean leader election",
  explanation:
    "With unclean leader election an out-of-sync replica can become leader and acknowledged writes are silently lost. MSK's default for Standard brokers is true.",
  fixedOnExpress: true,
});
