// Testing.synth* and mkdtemp leave folders in the OS temp dir: point TMPDIR at a scratch folder of
// this run (several runs may share the checkout) and remove it afterwards.
const fs = require("fs");
const path = require("path");
module.exports = async () => {
  const dir = path.join(__dirname, "..", ".jest-tmp", `run-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  process.env.TMPDIR = dir;
  process.env.KS_JEST_TMP = dir;
};
