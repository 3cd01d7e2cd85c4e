// `npm run corpus`: the sqldef conformance run; the runner itself lives in test/corpus/.
import { main } from "../test/corpus/cli.js";

process.exitCode = await main(process.argv.slice(2));
