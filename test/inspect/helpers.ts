import * as fs from "fs";
import * as path from "path";
import type { LiveInventory } from "../../lib/inspect/types";

/** The inventory `inspect` read from the local 3-broker cluster seeded by test/integration/inspect.sh. */
export function legacyEstate(): LiveInventory {
  return JSON.parse(
    fs.readFileSync(path.join(__dirname, "fixtures", "legacy-estate.inventory.json"), "utf8"),
  ) as LiveInventory;
}

/** A copy of the legacy estate with some fields replaced. */
export function withInventory(patch: Partial<LiveInventory>): LiveInventory {
  return { ...legacyEstate(), ...patch };
}
