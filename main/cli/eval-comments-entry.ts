/**
 * Entry of `npm run eval:comments`: a developer's tool, so not a `livecue`
 * subcommand. Errors are one line and an exit code, as in the CLI.
 */
import { evalComments, evalCommentsHelp } from './commands/eval-comments.js';
import { describeSystemError, UserError } from './errors.js';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${evalCommentsHelp}\n`);
} else {
  try {
    evalComments(argv);
  } catch (error) {
    if (error instanceof UserError) {
      console.error(`eval:comments: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      const problem = describeSystemError(error);
      if (problem === undefined) throw error;
      console.error(`eval:comments: ${problem}`);
      process.exitCode = 1;
    }
  }
}
