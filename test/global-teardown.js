const fs = require("fs");
module.exports = async () => {
  if (process.env.KS_JEST_TMP) fs.rmSync(process.env.KS_JEST_TMP, { recursive: true, force: true });
};
