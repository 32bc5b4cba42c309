// Testing.synth* leaves a folder per call in the OS temp dir: point TMPDIR at a scratch folder we remove afterwards.
const fs = require("fs");
const path = require("path");
module.exports = async () => {
  const dir = path.join(__dirname, "..", ".jest-tmp");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  process.env.TMPDIR = dir;
};
