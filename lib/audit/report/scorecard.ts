/**
 * Compliance scorecard: per profile, per control, how many resource checks passed, failed or were
 * accepted by a suppression.
 */
import { AUDIT_CONTROLS } from "../../standards/audit-controls";
import type { Evaluation } from "../engine";
import type { AuditRule, ComplianceProfile } from "../types";

/** One control of a profile. */
export interface ControlScore {
  /** Control id, e.g. `GDPR-Art.5(1)(e)`. */
  readonly control: string;
  readonly title: string;
  /** Rules that evidence it. */
  readonly rules: readonly string[];
  /** Resource checks that passed. */
  readonly compliant: number;
  /** Unsuppressed failures. */
  readonly failed: number;
  /** Failures accepted by a suppression. */
  readonly accepted: number;
  /** `fail` on any unsuppressed failure; `not-assessed` when no resource was in scope. */
  readonly status: "pass" | "fail" | "not-assessed";
}

/** One profile. */
export interface ProfileScore {
  readonly profile: ComplianceProfile;
  readonly controls: readonly ControlScore[];
  /** Share of assessed resource checks that passed or were accepted, 0–100. */
  readonly score: number;
  /** `fail` when any control fails. */
  readonly status: "pass" | "fail" | "not-assessed";
}

/** The scorecard of a report. */
export interface Scorecard {
  readonly profiles: readonly ProfileScore[];
}

const PREFIX: Readonly<Record<ComplianceProfile, string>> = { gdpr: "GDPR-", sox: "SOX-" };

/** Build the scorecard for the enabled profiles from the rules run and their evaluations. */
export function buildScorecard(
  profiles: readonly ComplianceProfile[],
  rules: readonly AuditRule[],
  evaluations: readonly Evaluation[],
): Scorecard {
  return {
    profiles: profiles.map((profile) => {
      const profileRules = rules.filter((r) => r.compliance.includes(profile));
      const relevant = evaluations.filter((e) => e.rule.compliance.includes(profile));
      const controlIds = [
        ...new Set(profileRules.flatMap((r) => r.controls.filter((c) => c.startsWith(PREFIX[profile])))),
      ];
      // Controls whose rules found nothing to check still appear, as not assessed.
      const controls = controlIds.sort().map((control): ControlScore => {
        const evs = relevant.filter((e) => e.rule.controls.includes(control));
        const compliant = evs.filter((e) => e.status === "compliant").length;
        const failed = evs.filter((e) => e.status === "non-compliant" && !e.suppressed).length;
        const accepted = evs.filter((e) => e.status === "non-compliant" && e.suppressed).length;
        return {
          control,
          title: AUDIT_CONTROLS[control]?.title ?? control,
          rules: profileRules
            .filter((r) => r.controls.includes(control))
            .map((r) => r.id)
            .sort(),
          compliant,
          failed,
          accepted,
          status: failed > 0 ? "fail" : compliant + accepted > 0 ? "pass" : "not-assessed",
        };
      });
      const assessed = controls.reduce((n, c) => n + c.compliant + c.failed + c.accepted, 0);
      const good = controls.reduce((n, c) => n + c.compliant + c.accepted, 0);
      return {
        profile,
        controls,
        score: assessed === 0 ? 100 : Math.round((good / assessed) * 100),
        status: controls.some((c) => c.status === "fail")
          ? "fail"
          : controls.some((c) => c.status === "pass")
            ? "pass"
            : "not-assessed",
      };
    }),
  };
}
